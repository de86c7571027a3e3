import WardSPC

/// Everything the HTML report shows. Only `series` is required; the headline (from
/// `evaluate`), funnel plots and data-quality notes appear when given.
public struct ReportContent: Sendable {
    public var title: String
    public var series: [SeriesReport]
    public var headline: ReportHeadline?
    public var funnels: [FunnelPlotData]
    /// Inequality by ethnic group (`wardspc equity`), when the data carries ethnic groups.
    public var equity: EquityResult?
    /// Self-harm by context, restrictive practice by subtype, when the data carries them.
    public var breakdowns: [DimensionBreakdown] = []
    public var dataQuality: ValidationReport?
    /// Problems of the request as a whole (e.g. a filter that matched nothing).
    public var warnings: [String]
    public var chartOptions: ChartRenderOptions
    public var provenance: Provenance
    /// What is known of each measure (caveats under its charts, labels): the request's.
    public var catalogue = MeasureCatalogue.builtIn

    /// Where the report came from: inputs, settings, software and date.
    public struct Provenance: Sendable {
        /// The data file as the user named it.
        public var dataFile: String
        public var eventsFile: String?
        /// e.g. "wardspc 0.1.0".
        public var software: String
        /// The date the report was made (the caller's clock; tests pin it).
        public var generated: String
        /// The command-line flags that shaped the charts, for the methods section.
        public var settings: [String]

        public init(dataFile: String, eventsFile: String? = nil, software: String, generated: String, settings: [String] = []) {
            self.dataFile = dataFile
            self.eventsFile = eventsFile
            self.software = software
            self.generated = generated
            self.settings = settings
        }
    }

    public init(title: String, series: [SeriesReport], provenance: Provenance, headline: ReportHeadline? = nil,
                funnels: [FunnelPlotData] = [], dataQuality: ValidationReport? = nil, warnings: [String] = [],
                chartOptions: ChartRenderOptions = ChartRenderOptions()) {
        self.title = title
        self.series = series
        self.provenance = provenance
        self.headline = headline
        self.funnels = funnels
        self.dataQuality = dataQuality
        self.warnings = warnings
        self.chartOptions = chartOptions
    }
}
