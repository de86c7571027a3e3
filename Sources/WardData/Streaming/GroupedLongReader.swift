#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch

/// The streaming fast path for the usual export: a clean long-format file whose rows
/// arrive grouped by series (every row of a trust × ward × measure together, dates
/// ascending; rows of one period that differ by a dimension side by side), with ISO dates.
///
/// The file is cut into a few pieces per core, each starting where a series starts
/// (`ParallelPieces`); each piece's rows (`PieceRows`) become series (`SeriesRows`), and
/// each series is handed to `process` (on the piece's thread, in batches) as soon as its
/// last row has been read, so the rows of finished series are never kept and the file
/// pages already read are given back to the system. Memory is bounded by the batches in
/// flight and the results, not by the file.
///
/// It reads only what the whole-file reader (`WardDataReader`) would accept without a
/// single error or warning, and reads it the same way (the same number and date parsers,
/// the same combining of dimension rows). Anything else — a row error, a duplicate, a
/// closed ward (0/0), a missing denominator, a non-ISO date, an `ethnic_group` or
/// week-ending column, a series that comes back after another, rows out of date order, a
/// limit passed, `--lenient` or `--from/--to` — returns `.fallback(reason)` and the caller
/// reads the file with `WardDataReader`, which groups in memory and reports every problem.
/// The results of a fallback run are discarded, so nothing is ever reported twice or half.
public enum GroupedLongReader {
    /// What every series of the file shares.
    public struct FileFacts: Sendable {
        public var file: String
        public var periodKind: PeriodKind
        public var valueKind: ValueKind
        public var hasDenominator: Bool
    }

    public enum Outcome<Result> {
        /// The file was read on the fast path: `process`'s results in file order, and
        /// every trust × ward of the file (filtered out or not).
        case read(FileFacts, [Result], rows: Int, wards: Set<WardName>)
        /// The file needs the whole-file reader; the reason is for `--verbose`.
        case fallback(String)
    }

    /// What the fast path would read the file as — `nil` when the header (or the first
    /// row's date) already sends it to the whole-file reader. The period kind is
    /// provisional: the weekday of the first date, unless `--week-start` gives one.
    public static func facts(of file: InputFile, options: ReadOptions) -> FileFacts? {
        file.withBytes { bytes -> FileFacts? in
            guard let layout = GroupedLongLayout(bytes: bytes, file: file.name, options: options),
                  let firstDate = layout.firstDate(bytes) else { return nil }
            let periodKind: PeriodKind = layout.monthly ? .month : .week(startingOn: options.weekStart ?? firstDate.weekday)
            return FileFacts(file: file.name, periodKind: periodKind, valueKind: layout.valueKind,
                             hasDenominator: layout.denominator != nil)
        }
    }

    /// Series handed to `process` per call (bounds memory in flight).
    public static let batchSize = 256

    /// Reads `file`, calling `process` with finished series on up to `threads` threads
    /// (pieces of at least `minimumPieceBytes`; tests make them tiny to test the joins).
    /// `process` gets a provisional period kind (the weekday of the first date; the file
    /// is refused if any date disagrees) and must return one result per series.
    public static func read<Result>(
        _ file: InputFile, options: ReadOptions, threads: Int = ParallelPieces.activeCores,
        minimumPieceBytes: Int = ParallelPieces.minimumPieceBytes,
        progress: (@Sendable (Int) -> Void)? = nil,
        process: @escaping @Sendable ([WardSeries], FileFacts) -> [Result]
    ) -> Outcome<Result> {
        guard !options.lenient, options.from == nil, options.to == nil, !options.allowIdentifiers,
              options.format == .auto || options.format == .long,
              options.dateOrder == .auto || options.dateOrder == .iso,
              options.encoding == .auto, options.separator == .auto || options.separator == .comma,
              options.sheet == nil else {
            return .fallback("an option the fast path does not take (--lenient, --from/--to, --allow-identifiers, --input-format, --date-format, --encoding, --separator, --sheet)")
        }
        guard let facts = facts(of: file, options: options) else {
            return .fallback("the header is not the plain long format (trust, ward, measure, week_start, count[, denominator]) with an ISO date first")
        }
        return file.withBytes { bytes -> Outcome<Result> in
            let layout = GroupedLongLayout(bytes: bytes, file: file.name, options: options)!
            // Several pieces per thread, taken in turn: a thread whose pieces read faster
            // (shorter series, fewer quotes) takes more, so no core idles at the end.
            let pieces = ParallelPieces.split(bytes, from: layout.dataStart,
                                              into: threads > 1 ? threads * ParallelPieces.piecesPerThread : 1,
                                              minimumPieceBytes: minimumPieceBytes,
                                              keyColumns: [layout.trust, layout.ward, layout.measure])
            var parsed = [Piece<Result>?](repeating: nil, count: pieces.count)
            let shared = SendableBytes(bytes)
            parsed.withUnsafeMutableBufferPointer { buffer in
                let output = SendablePointer(buffer)
                // `concurrentPerform` hands the pieces out in turn to the cores' threads.
                DispatchQueue.concurrentPerform(iterations: pieces.count) { index in
                    var piece = Piece<Result>(layout: layout, facts: facts, options: options)
                    piece.scan(shared.bytes, range: pieces[index], file: file, progress: progress, process: process)
                    output.base[index] = piece
                }
            }
            return merge(parsed.map { $0! }, facts: facts, options: options)
        }
    }

    /// Joins the pieces' results in file order after the file-wide check that no series
    /// is in two places (the file is grouped by series). `--max-rows` does not apply here:
    /// it bounds the whole-file reader's memory, which grows with the rows, and this
    /// path's does not (`--max-rows-per-series` still bounds each series).
    private static func merge<Result>(_ pieces: [Piece<Result>], facts: FileFacts,
                                      options: ReadOptions) -> Outcome<Result> {
        if let reason = pieces.lazy.compactMap(\.fallback).first { return .fallback(reason) }
        var results: [Result] = []
        results.reserveCapacity(pieces.reduce(0) { $0 + $1.batches.reduce(0) { $0 + $1.results.count } })
        var seen = Set<SeriesKey>(minimumCapacity: results.capacity)
        var rows = 0
        var wards = Set<WardName>()
        for piece in pieces {
            rows += piece.rows
            for batch in piece.batches {
                for key in batch.keys {
                    guard seen.insert(key).inserted else {
                        return .fallback("rows of \(key.trust) · \(key.ward) · \(key.measure) are not together (the file is not grouped by series)")
                    }
                    wards.insert(WardName(trust: key.trust, ward: key.ward))
                }
                results += batch.results
            }
        }
        guard rows > 0 else { return .fallback("no data rows") }
        return .read(facts, results, rows: rows, wards: wards)
    }
}

/// Trust, ward and measure of a series, for the file-wide check that no series comes twice.
struct SeriesKey: Hashable {
    var trust: String, ward: String, measure: String
    init(_ series: WardSeries) { trust = series.trust; ward = series.ward; measure = series.measure }
}

struct SendableBytes: @unchecked Sendable {
    let bytes: UnsafeBufferPointer<UInt8>
    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }
}

struct SendablePointer<Element>: @unchecked Sendable {
    let base: UnsafeMutableBufferPointer<Element>
    init(_ base: UnsafeMutableBufferPointer<Element>) { self.base = base }
}
