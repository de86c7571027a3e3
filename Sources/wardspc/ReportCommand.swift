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
        on a phone and printed — and each chart as its own SVG beside it; --formats adds PNG \
        charts, report.pdf (A4, for board papers) and slides.pptx (PowerPoint). Defaults: a u chart \
        when the data has a denominator (bed days), else a c chart (an i chart for a value column); the mdc (Making Data \
        Count) rules, whose colours and icons the report explains. Give --events to start \
        each ward's new phase at its own date (e.g. joining a collaborative). The directory \
        is written atomically: a failed run leaves no half report; it must be new, empty or \
        an earlier wardspc output unless --force. Progress goes to standard error; the path \
        of index.html (or of DIR without html) to standard output.
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

    @Option(help: ArgumentHelp("What to write, separated by commas: html (index.html), svg and png (each chart as a file, which the page links), pdf (report.pdf: A4, a cover with the headline and every ward's icons, then a page per ward), pptx (slides.pptx: a slide per chart and a summary slide) (default: html,svg).", valueName: "LIST"))
    var formats = "html,svg"

    @OptionGroup var pngSize: PNGSizeOptions
    @OptionGroup var spc: SPCOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: DirectoryOutputOptions
    @OptionGroup var input: InputOptions
    @OptionGroup var window: EventWindowOptions

    func validate() throws { _ = try formatList(formats, as: ReportFormat.self, option: "--formats") }

    func run() throws {
        let formats = try formatList(formats, as: ReportFormat.self, option: "--formats")
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
        let files: [AtomicDirectory.File]
        do { files = try ReportFiles.build(content, formats: formats, png: pngSize.size) } catch {
            printStandardError("wardspc: \(error)")
            throw ExitCode(1)
        }
        printStandardError("wardspc: writing \(files.count) file\(files.count == 1 ? "" : "s") (\(formats.sorted().map(\.rawValue).joined(separator: ", "))) to \(output.out)")
        try output.write(files, inputs: inputs)
        // The page when there is one, else the directory.
        let directory = output.out.hasSuffix("/") ? output.out : output.out + "/"
        print(formats.contains(.html) ? directory + "index.html" : output.out)
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
