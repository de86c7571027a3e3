import Foundation
import WardSPC
import ZIPFoundation

/// Every point's hover figures for the report page, carried once, compressed, instead of
/// as a `<title>` on every mark.
///
/// A standalone chart file gives each mark its own `<title>` (the tooltip a browser shows).
/// In the page that costs about 160 bytes a point — 3.3 MB of the sample's 6 MB — so the
/// page draws its common-cause marks as markers on the data line, and its charts' tooltip
/// texts (the same words, from `PointTooltip`) and mark positions go here: one JSON array,
/// deflated and base64-encoded into a data block, which the page's small script
/// (`ReportScript`) opens to show the nearest point's figures under the pointer. Without
/// scripts the charts read the same; only the hover figures are missing (they are in the
/// chart files and the CSV).
struct PointFigures {
    /// One chart's points with a mark, in drawing order.
    struct Chart: Sendable {
        /// Mark centres in tenths of an SVG user unit.
        var x: [Int32] = []
        var y: [Int32] = []
        /// Tooltips, bidirectional text isolated as a `<title>` has it (`Markup.isolated`).
        var texts: [String] = []

        mutating func add(x: Double, y: Double, text: String) {
            self.x.append(Int32((x * 10).rounded()))
            self.y.append(Int32((y * 10).rounded()))
            texts.append(Markup.isolated(text))
        }
    }

    private(set) var charts: [Chart] = []

    var isEmpty: Bool { charts.isEmpty }
    /// The index the next chart's `<svg>` carries as `data-figures`.
    var nextIndex: Int { charts.count }

    mutating func append(_ chart: Chart) { charts.append(chart) }

    /// The JSON array of `{"x": […], "y": […], "t": […]}`, deflated (raw DEFLATE, RFC 1951,
    /// as the browser's `DecompressionStream("deflate-raw")` reads it) and base64-encoded:
    /// safe inside a `<script>` data block, since base64 has no `<`.
    func encoded() throws -> String {
        let json = JSONValue.array(charts.map { chart in
            .object([("x", .array(chart.x.map { .number(Double($0)) })),
                     ("y", .array(chart.y.map { .number(Double($0)) })),
                     ("t", .array(chart.texts.map { .string($0) }))])
        })
        let bytes = Data(json.rendered().utf8)
        var deflated = Data()
        deflated.reserveCapacity(bytes.count / 4)
        _ = try Data.compress(size: Int64(bytes.count), bufferSize: 1 << 16, provider: { position, size in
            bytes.subdata(in: Int(position)..<Int(position) + size)
        }, consumer: { deflated.append($0) })
        return deflated.base64EncodedString()
    }
}
