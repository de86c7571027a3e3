// `import WardSPC` is all a library user needs: the domain model and readers (WardData)
// and the statistics (SPCCore) come with it.
@_exported import SPCCore
@_exported import WardData
