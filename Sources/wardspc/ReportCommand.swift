import ArgumentParser
import SPCRender
import WardData
import WardSPC

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A self-contained HTML report: icon summary, every ward's charts with a reading, data quality, methods.",
        discussion: """
        Analyses FILE as `analyze` does (every analyze flag applies) and writes DIR/index.html \
        — one page with every chart inline, no external fonts, scripts or requests, readable \
        on a phone and printed — and each chart as its own SVG beside it. Defaults: --chart auto \
        (per series, the chart an expert would draw — u with bed days, else c; rare events by \
        calendar month or as a g chart; an i chart for a value column — with the reason under \
        each chart); the mdc (Making Data \
        Count) rules, whose colours and icons the report explains. Give --events to start \
        each ward's new phase at its own date (e.g. joining a collaborative). The directory \
        is written atomically: a failed run leaves no half report; it must be new, empty or \
        an earlier wardspc output unless --force. Progress goes to standard error; the path \
        of index.html to standard output.
        """
    )

    @Argument(help: "The ward data CSV file.")
    var file: String

    @Option(help: "The report's title (default: \"Ward safety: statistical process control charts\").")
    var title: String = ReportBuilder.defaultTitle

    @Option(help: "The benchmark reduction in per cent for the programme headline.")
    var benchmark = 15.0

    @Option(help: ArgumentHelp("A data file with an ethnic_group column for the report's inequality section (rates per 1,000 occupied bed days by ethnic group, rate ratios against White). Default: FILE itself when it has an ethnic_group column, else no such section.", valueName: "FILE"))
    var equity: String?

    @Option(help: ArgumentHelp("Occupied bed days by ward × period × ethnic group for the inequality section (trust, ward, week_start, ethnic_group, bed_days). Default: the bed_days of the equity data's own rows.", valueName: "FILE"))
    var exposure: String?

    @OptionGroup var spc: SPCOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: DirectoryOutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var window: EventWindowOptions

    func run() throws {
        let inputs = [file] + (spc.events.map { [$0] } ?? []) + (equity.map { [$0] } ?? []) + (exposure.map { [$0] } ?? [])
        try output.check(inputs: inputs)
        var readOptions = input.readOptions
        window.apply(to: &readOptions)
        let analysis = try PictureAnalysis.run(file: file, spc: spc, filters: filters, readOptions: readOptions)
        let request = ReportBuilder.Request(title: title, benchmark: benchmark, dataFile: file, eventsFile: spc.events)
        var content = ReportBuilder.content(analysis.dataset, analysis: analysis.result, settings: analysis.settings,
                                            request: request)
        try addEquity(to: &content, analysis: analysis, readOptions: readOptions)
        printStandardError("wardspc: drawing \(content.series.count) charts")
        let report = HTMLReport.build(content)
        let files = report.files
        printStandardError("wardspc: writing index.html and \(files.count - 1) SVG files to \(output.out)")
        try output.write(files, inputs: inputs)
        print(output.out.hasSuffix("/") ? output.out + "index.html" : output.out + "/index.html")
    }

    /// The inequality section (from --equity, or the data file itself when it has an
    /// ethnic_group column). A broken --equity or --exposure file is bad input (exit 2).
    private func addEquity(to content: inout ReportContent, analysis: PictureAnalysis, readOptions: ReadOptions) throws {
        let hasEthnicGroups = analysis.dataset.dimensionNames.contains { ColumnNames.ethnicGroup.contains(Header.fold($0)) }
        guard equity != nil || hasEthnicGroups else { return }
        let dataset = try equity.map { try readDataset($0, options: readOptions) } ?? analysis.dataset
        var equitySettings = EquitySettings()
        if let exposure {
            do { equitySettings.exposure = try ExposureReader.read(path: exposure, options: readOptions) } catch {
                throw reject(error)
            }
        }
        // With an events file: before anyone joined against after everyone had.
        let phases = (analysis.settings.events?.events ?? []).filter { $0.kind == .phase }.map(\.date)
        if let first = phases.min(), let last = phases.max(), first < last {
            equitySettings.baselineUntil = first.adding(days: -1)
            equitySettings.from = last
        }
        equitySettings.trusts = analysis.settings.trusts
        equitySettings.wards = analysis.settings.wards
        do { content.equity = try EquityAnalysis.analyse(dataset, settings: equitySettings) } catch let rejected as InputRejected {
            throw reject(rejected)
        } catch {
            printStandardError("wardspc: \(error)")
            throw ExitCode(2)
        }
        for warning in content.equity?.warnings ?? [] { printStandardError("warning: \(warning)") }
    }
}
