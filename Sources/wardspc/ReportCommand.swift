import ArgumentParser
import SPCRender
import WardData
import WardSPC

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A self-contained HTML report: icon summary, every ward's charts with a reading, data quality, methods.",
        discussion: """
        Analyses FILE as `analyze` does (every analysis flag of analyze applies) and writes DIR/index.html \
        — one page with every chart inline, no external fonts, scripts or requests, readable \
        on a phone and printed — and each chart as its own SVG beside it; --formats adds PNG \
        charts, report.pdf (A4, for board papers) and slides.pptx (PowerPoint). Defaults: --chart \
        \(RequestPurpose.picture.chartDefault); --rules \(RequestPurpose.picture.rulesDefault) (Making Data \
        Count), whose colours and icons the report explains; --benchmark 15. The baseline \
        (--baseline-periods or --baseline-until) freezes every chart's limits and is the headline's \
        baseline window; --from and --to set the headline's comparison window. Give --events to start \
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

    @Option(help: "The benchmark reduction in per cent for the programme headline. Default: 15.")
    var benchmark = 15.0

    @Option(help: ArgumentHelp("A data file with an ethnic_group column for the report's inequality section (rates per 1,000 occupied bed days by ethnic group, rate ratios against White). Default: FILE itself when it has an ethnic_group column, else no such section.", valueName: "FILE"))
    var equity: String?

    @Option(help: ArgumentHelp("Occupied bed days by ward × period × ethnic group for the inequality section (trust, ward, week_start, ethnic_group, bed_days). Default: the bed_days of the equity data's own rows.", valueName: "FILE"))
    var exposure: String?

    @Option(help: ArgumentHelp("What to write, separated by commas: html (index.html), svg and png (each chart as a file, which the page links), pdf (report.pdf: A4, a cover with the headline and every ward's icons, then a page per ward), pptx (slides.pptx: a slide per chart and a summary slide) (default: html,svg).", valueName: "LIST"))
    var formats = "html,svg"

    @OptionGroup var pngSize: PNGSizeOptions
    @OptionGroup var picture: PictureOptions
    @OptionGroup var comparison: ComparisonOptions
    @OptionGroup var output: DirectoryOutputOptions

    func validate() throws {
        if !(benchmark > 0 && benchmark <= 100) { throw ValidationError("--benchmark must be a percentage above 0 and at most 100") }
        _ = try formatList(formats, as: ReportFormat.self, option: "--formats")
    }

    func run() throws {
        let formats = try formatList(formats, as: ReportFormat.self, option: "--formats")
        let inputs = picture.inputs(file) + (equity.map { [$0] } ?? []) + (exposure.map { [$0] } ?? [])
        try output.check(inputs: inputs)
        let (dataset, events) = try picture.read(file)
        var choices = picture.choices(events: events, comparison: comparison)
        choices.benchmark = benchmark
        let equityInputs = try readEquityInputs()
        let about = ReportBuilder.About(title: title, dataFile: file, eventsFile: picture.spc.events)
        let (request, content) = try exitingOnBadInput {
            let request = try AnalysisRequest.resolve(choices, purpose: .picture, facts: DatasetFacts(dataset))
            return (request, try ReportBuilder.content(dataset, request: request, about: about, equity: equityInputs))
        }
        for warning in content.warnings { printStandardError("warning: \(warning)") }
        for warning in content.equity?.warnings ?? [] { printStandardError("warning: \(warning)") }
        let quiet = picture.progress.quiet
        if !quiet {
            printStandardError("wardspc: \(content.series.count) series analysed (\(request.analysis.autoChart ? "auto" : request.analysis.chart.rawValue) chart, \(request.analysis.rules.rawValue) rules); drawing \(content.series.count) charts")
        }
        let files: [AtomicDirectory.File]
        do { files = try ReportFiles.build(content, formats: formats, png: pngSize.size) } catch {
            printStandardError("wardspc: \(error)")
            throw ExitCode(1)
        }
        if !quiet {
            printStandardError("wardspc: writing \(files.count) file\(files.count == 1 ? "" : "s") (\(formats.sorted().map(\.rawValue).joined(separator: ", "))) to \(output.out)")
        }
        try output.write(files, inputs: inputs)
        // The page when there is one, else the directory.
        let directory = output.out.hasSuffix("/") ? output.out : output.out + "/"
        print(formats.contains(.html) ? directory + "index.html" : output.out)
    }

    /// The inequality section's own files (--equity, --exposure), read with the data's rules.
    private func readEquityInputs() throws -> ReportBuilder.EquityInputs {
        var inputs = ReportBuilder.EquityInputs()
        inputs.dataset = try equity.map { try readDataset($0, options: picture.readOptions) }
        if let exposure {
            do { inputs.exposure = try ExposureReader.read(path: exposure, options: picture.readOptions) } catch {
                throw reject(error)
            }
        }
        return inputs
    }
}
