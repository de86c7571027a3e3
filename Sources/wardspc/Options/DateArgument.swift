import ArgumentParser
import WardData

/// A date on the command line: ISO `YYYY-MM-DD`, or UK `DD/MM/YYYY` (always day first).
struct DateArgument: ExpressibleByArgument, Sendable {
    var date: CivilDate

    init?(argument: String) {
        let bytes = Array(argument.utf8)
        guard let raw = bytes.withUnsafeBufferPointer(DateParser.parse),
              let date = DateOrderEvidence.resolve(raw, order: .dmy) else { return nil }
        self.date = date
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
