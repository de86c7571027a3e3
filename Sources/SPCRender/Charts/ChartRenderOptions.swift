/// How to draw a run or control chart.
public struct ChartRenderOptions: Sendable {
    /// Size in SVG user units (pixels at 100%); the report scales charts to the page width.
    /// 480 wide keeps 12-unit text at 9 px on a phone and 6.5 pt with two charts across A4.
    public var width: Double = 480
    public var height: Double = 300
    /// A target line, in the chart's units (after the multiplier), e.g. from `--target`.
    public var target: Double?
    /// The y-axis units; by default worded from the chart (e.g. "per 1,000 occupied bed days").
    public var units: String?
    /// Prefix of the ids inside the SVG: unique per page when several charts share one.
    public var idPrefix: String = "chart"
    /// A file of its own (`xmlns` and an XML declaration) rather than SVG inside HTML.
    public var standalone = true
    /// Each point's figures as a `<title>` on its own mark (what a browser shows on hover).
    /// The report page turns this off: its common-cause marks are markers on the data line
    /// and the figures travel once for the page's script (`PointFigures`).
    public var pointTitles = true

    public init() {}
}
