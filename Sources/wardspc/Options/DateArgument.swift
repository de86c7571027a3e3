import ArgumentParser
import WardData

/// A date on the command line: ISO `YYYY-MM-DD`, or UK `DD/MM/YYYY` (always day first).
struct DateArgument: ExpressibleByArgument, Sendable {
    var date: CivilDate

    init?(argument: String) {
        guard let date = DateParser.typedDate(argument) else { return nil }
        self.date = date
    }

    static var defaultCompletionKind: CompletionKind { .default }
}
