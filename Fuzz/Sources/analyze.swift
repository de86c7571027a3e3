import WardSPC

/// The whole pipeline `wardspc analyze` runs: any format (detected), every chart and
/// rule set (picked from the input's size), and every output format.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Fuzz.bytes(data, size)
    // Small row limits keep each input fast, so the fuzzer explores the statistics rather
    // than huge outputs; big files are the hostile-input tests' job (Tests/wardspcTests).
    var options = ReadOptions()
    options.maxRowsPerSeries = 2_000
    options.maxRows = 20_000
    let dataset: WardDataset
    do { dataset = try WardDataReader.read(InputFile(name: "fuzz.csv", bytes: bytes), options: options) } catch { return 0 }
    _ = Validator.validate(dataset, chart: ["p", "g", nil][size % 3])
    var settings = AnalysisSettings()
    settings.chart = ChartKind.allCases[size % ChartKind.allCases.count]
    settings.rules = RuleSetKind.allCases[(size / ChartKind.allCases.count) % RuleSetKind.allCases.count]
    settings.improvement = Improvement.allCases[size % Improvement.allCases.count]
    if size % 5 == 0 { settings.autoRebaseLength = 3 + size % 7 }
    if size % 7 == 0 { settings.baselinePoints = 1 + size % 20 }
    guard let result = try? Analyzer.analyse(dataset, settings: settings) else { return 0 }
    for report in result.series {
        Fuzz.require(report.points.allSatisfy { $0.value.map { !$0.isNaN } ?? true }, "a NaN point value")
    }
    _ = AnalysisTable.points(result.series)
    _ = AnalysisTable.summary(result.series)
    _ = AnalysisCSV.points(result.series)
    _ = AnalysisCSV.summary(result.series)
    _ = AnalysisJSON.analysis(result.series).rendered(pretty: false)
    _ = AnalysisJSON.summary(result.series).rendered(pretty: true)
    return 0
}
