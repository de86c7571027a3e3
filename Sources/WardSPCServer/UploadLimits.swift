import WardData

/// What one upload may ask of the server, checked before the work starts so that no
/// upload under the size limit can hold a core for minutes or the memory for gigabytes.
/// Each refusal is a 422 that names the limit and the `wardspc serve` flag that raises it.
///
/// - columns: from the header row, before any row is read (a wide file's measure
///   columns are its columns; the reader's own limit, `--max-columns`);
/// - series and rows (series × periods, missing periods included): once the file is
///   read, before any series is built (the reader's limits, `--max-series`, `--max-rows`);
/// - the reply: estimated from the series and points the file holds, per endpoint, before
///   the analysis; the answer as made is checked against the same limit too.
///
/// The defaults are far above a real programme's upload — the sample programme
/// (`wardspc sample`: 252 series, 39,088 points, a 13 MB analysis and a 12 MB report)
/// takes a tenth or less of each — and keep one job to a few hundred megabytes.
public struct UploadLimits: Sendable, Equatable {
    /// Most trust × ward × measure series.
    public var maxSeries: Int
    /// Most rows of all series together: one per series × period, from each series' first
    /// period to its last.
    public var maxRows: Int
    /// Most columns in the header row (trust, ward, date, measures, denominator, dimensions).
    public var maxColumns: Int
    /// Largest answer, in bytes.
    public var maxReplyBytes: Int

    public static let defaultMaxSeries = 2_500
    public static let defaultMaxRows = 400_000
    public static let defaultMaxColumns = 200
    public static let defaultMaxReplyMegabytes = 100

    public init(maxSeries: Int = UploadLimits.defaultMaxSeries, maxRows: Int = UploadLimits.defaultMaxRows,
                maxColumns: Int = UploadLimits.defaultMaxColumns,
                maxReplyBytes: Int = UploadLimits.defaultMaxReplyMegabytes * 1_048_576) {
        self.maxSeries = maxSeries
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxReplyBytes = maxReplyBytes
    }

    /// How the upload's files are read: the reader refuses what is over these limits.
    var readOptions: ReadOptions {
        var options = ReadOptions()
        options.maxSeries = maxSeries
        options.maxRows = maxRows
        options.limits.maxFields = maxColumns
        return options
    }

    /// What a file holds, as the answer's size depends on it.
    struct Size: Equatable {
        /// Trust × ward × measure series.
        var series: Int
        /// Observed periods of all series together: the points charted.
        var points: Int

        init(series: Int, points: Int) {
            self.series = series
            self.points = points
        }

        /// Counted in time linear in the records (one look-up per change of series, one
        /// sort of packed keys): a quarter of a second for the 2.4 million records.
        init(_ dataset: WardDataset) {
            struct Series: Hashable { var trust: Int32, ward: Int32, measure: Int32 }
            let records = dataset.records
            var ids: [Series: Int64] = [:]
            var keys: [Int64] = []
            keys.reserveCapacity(records.count)
            var last: (series: Series, id: Int64)?
            for index in 0..<records.count {
                let series = Series(trust: records.trust[index], ward: records.ward[index], measure: records.measure[index])
                let id: Int64
                if let last, last.series == series {
                    id = last.id
                } else {
                    id = ids[series] ?? Int64(ids.count)
                    ids[series] = id
                    last = (series, id)
                }
                keys.append(id << 32 | Int64(UInt32(bitPattern: records.period[index].dayNumber)))
            }
            keys.sort()
            var points = keys.isEmpty ? 0 : 1
            for index in keys.indices.dropFirst() where keys[index] != keys[index - 1] { points += 1 }
            self.init(series: ids.count, points: points)
        }
    }

    /// The answer's size in bytes, estimated from the file's series and points — per point
    /// and per series as measured on the sample programme (analysis JSON 339 bytes a
    /// point; the report about 46 KB a chart of 155 points; evaluation 1.3 KB a series),
    /// rounded up a little.
    static func estimatedReplyBytes(_ endpoint: UploadEndpoint, size: Size) -> Int {
        switch endpoint {
        case .analyze: 1_000 * size.series + 350 * size.points
        case .report: 64_000 + 20_000 * size.series + 200 * size.points
        case .evaluate: 4_000 + 1_500 * size.series
        }
    }

    /// Why the answer to `endpoint` would be too large, or `nil` when it fits.
    func replyCheck(_ endpoint: UploadEndpoint, size: Size) -> String? {
        let estimate = Self.estimatedReplyBytes(endpoint, size: size)
        guard estimate > maxReplyBytes else { return nil }
        return "The answer for this file's \(size.series) series and \(size.points) points would be about \(UploadPage.megabytes(estimate)), more than this server's limit of \(UploadPage.megabytes(maxReplyBytes)). Upload part of the file (fewer wards, measures or years), or ask whoever runs the server to start it with a larger --max-reply-mb."
    }

    /// The refusal of an answer that, made, is over the limit.
    func replyTooLarge(_ bytes: Int) -> String {
        "The answer is \(UploadPage.megabytes(bytes)), more than this server's limit of \(UploadPage.megabytes(maxReplyBytes)). Upload part of the file (fewer wards, measures or years), or ask whoever runs the server to start it with a larger --max-reply-mb."
    }
}
