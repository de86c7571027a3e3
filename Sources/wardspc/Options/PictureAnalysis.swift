import ArgumentParser
import SPCCore
import SPCRender
import WardData
import WardSPC

/// The analysis behind `chart` and `report`: `analyze`'s flags, with the defaults a ward
/// team's picture needs — `ReportBuilder.defaultChart` (u with bed days, else c for counts,
/// an XmR chart for values) under NHS England's Making Data Count rules, whose colours and
/// icons the charts show.
struct PictureAnalysis {
    var dataset: WardDataset
    var settings: AnalysisSettings
    var result: Analyzer.Result

    static func run(file: String, spc: SPCOptions, filters: FilterOptions, readOptions: ReadOptions) throws -> PictureAnalysis {
        printStandardError("wardspc: reading \(file)")
        let dataset = try readDataset(file, options: readOptions)
        let events = try WardEventsLoader.loadOrExit(spc.events, options: readOptions)
        var settings = spc.settings(events: events, defaultChart: ReportBuilder.defaultChart(dataset), defaultRules: .mdc,
                                    defaultAuto: true)
        filters.apply(to: &settings)
        let result = try analyseOrExit(dataset, settings: settings)
        printStandardError("wardspc: \(result.series.count) series analysed (\(settings.autoChart ? "auto" : settings.chart.rawValue) chart, \(settings.rules.rawValue) rules)")
        return PictureAnalysis(dataset: dataset, settings: settings, result: result)
    }

    /// Render options every chart of the run shares (the target line from `--target`).
    var chartOptions: ChartRenderOptions { ReportBuilder.chartOptions(settings) }
}
