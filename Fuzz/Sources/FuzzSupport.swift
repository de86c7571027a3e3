#if canImport(Glibc)
import Glibc
#endif
import WardData

/// Shared by every fuzz target (compiled into each): reading under several option sets,
/// and the invariants a read must keep. A broken invariant aborts, so libFuzzer saves
/// the input like any other crash.
enum Fuzz {
    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    static func require(_ condition: Bool, _ message: @autoclosure () -> String) {
        guard !condition else { return }
        fputs("fuzz invariant broken: \(message())\n", stderr)
        abort()
    }

    /// Physical lines in the input: breaks at LF, CRLF or a lone CR, and a final line
    /// without one counts.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var lines = 1
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0A || (byte == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A)) { lines += 1 }
        }
        return lines
    }

    /// The default options, and one more set picked from the input's size, so the
    /// committed corpus needs no prefix byte and every option path is reached.
    static func optionSets(format: InputFormat, size: Int) -> [ReadOptions] {
        var base = ReadOptions()
        base.format = format
        var variant = base
        switch size % 6 {
        case 1:
            variant.lenient = true
        case 2:
            variant.lenient = true
            variant.period = .month
        case 3:
            variant.dateOrder = .dmy
            variant.weekStart = .sunday
        case 4:
            variant.lenient = true
            variant.limits = CSVScanner.Limits(maxFieldBytes: 24, maxFields: 9)
            variant.maxReportedErrors = 3
            variant.maxRowsPerSeries = 60
            variant.maxRows = 200
        case 5:
            variant.denominatorScope = .ward
            variant.dateOrder = .mdy
            variant.from = CivilDate(year: 2024, month: 1, day: 1)
            variant.to = CivilDate(year: 2024, month: 6, day: 30)
            variant.allowIdentifiers = true
        default:
            return [base]
        }
        return [base, variant]
    }

    /// Reads `bytes` as `format` under each option set and checks what comes out.
    static func read(_ bytes: [UInt8], format: InputFormat) {
        let lines = lineCount(bytes)
        for options in optionSets(format: format, size: bytes.count) {
            let file = InputFile(name: "fuzz.csv", bytes: bytes)
            do {
                let dataset = try WardDataReader.read(file, options: options)
                check(dataset, lines: lines, options: options)
            } catch {
                check(error, lines: lines)
            }
        }
    }

    static func check(_ rejection: InputRejected, lines: Int) {
        require(!rejection.errors.isEmpty, "a rejection without an error")
        for issue in rejection.issues { check(issue, lines: lines) }
        // A column of NHS numbers refuses the file with that alone: any other message
        // could quote one of its values (issue 17).
        if rejection.issues.contains(where: { $0.message.contains("holds NHS numbers") }) {
            require(rejection.issues.allSatisfy { $0.message.contains("holds NHS numbers") && $0.line == 1 },
                    "an NHS-number refusal with other messages: \(rejection.issues)")
        }
    }

    static func check(_ issue: InputIssue, lines: Int) {
        require(!issue.message.isEmpty, "an issue without a message")
        if let line = issue.line { require((1...lines).contains(line), "issue at line \(line) of \(lines): \(issue)") }
    }

    static func check(_ dataset: WardDataset, lines: Int, options: ReadOptions) {
        let records = dataset.records
        let count = records.count
        require(dataset.format != .auto, "a dataset read as auto")
        require([records.trust.count, records.ward.count, records.measure.count, records.period.count,
                 records.denominator.count, records.line.count].allSatisfy { $0 == count }, "ragged record table")
        require(records.dimensions.count == dataset.dimensionNames.count, "dimension columns and names differ")
        require(records.dimensions.allSatisfy { $0.count == count }, "ragged dimension column")
        for index in 0..<count {
            let value = records.value[index]
            require(value.isFinite, "a non-finite value")
            if dataset.valueKind == .count { require(value >= 0 && value == value.rounded(), "a count that is not whole") }
            if let denominator = records.denominator[index] {
                require(DenominatorRange.contains(denominator, monthly: dataset.periodKind == .month),
                        "a denominator out of range: \(denominator)")
            }
            require((2...lines).contains(Int(records.line[index])), "a record at line \(records.line[index]) of \(lines)")
            for id in [records.trust[index], records.ward[index], records.measure[index]] {
                require(Int(id) < dataset.strings.strings.count, "a string id out of the pool")
            }
        }
        for warning in dataset.warnings { check(warning, lines: lines) }
        for line in dataset.skippedLines { require((1...lines).contains(line), "skipped line \(line) of \(lines)") }
        if !options.lenient { require(dataset.skippedLines.isEmpty, "rows skipped without --lenient") }
        checkSeries(dataset)
    }

    /// Series building keeps every count, in period order, with no period both present and missing.
    static func checkSeries(_ dataset: WardDataset) {
        let built = SeriesBuilder.build(dataset)
        var total = 0.0
        for series in built.series {
            let periods = series.periods.count
            require(series.values.count == periods && series.denominators.count == periods && series.lines.count == periods,
                    "ragged series")
            require(zip(series.periods, series.periods.dropFirst()).allSatisfy { $0 < $1 }, "periods out of order")
            require(Set(series.periods).isDisjoint(with: series.missingPeriods), "a period both present and missing")
            if let first = series.periods.first, let last = series.periods.last {
                require(series.missingPeriods.allSatisfy { $0 > first && $0 < last }, "a missing period outside the series")
                require(dataset.periodKind.distance(from: first, to: last) + 1 == periods + series.missingPeriods.count,
                        "present and missing periods do not fill the series")
            }
            total += series.total
        }
        let exact = dataset.valueKind == .count && dataset.records.value.allSatisfy { $0 < 1e9 }
        if exact, dataset.records.count < 1_000_000 {
            require(total == dataset.records.value.reduce(0, +), "series do not add up to the records")
        }
        if let intervals = IncidentIntervals.build(dataset) {
            for series in intervals {
                require(series.days.count == series.dates.count && series.lines.count == series.dates.count, "ragged intervals")
                require(series.days.allSatisfy { $0 >= 0 && $0.isFinite }, "a negative interval")
            }
        }
    }
}
