import ArgumentParser
import WardSPC

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Write the synthetic sample programme: weekly ward data and collaborative join dates.",
        discussion: """
        Writes DIR/wards.csv (long format: trust, ward, measure, week_start, subtype, context, \
        count, bed_days — counts are incidents per week, bed_days the ward's occupied bed days \
        that week; on ligature_assessments rows, the process measure, count is the assessments \
        completed on time and bed_days holds the number due) and DIR/events.csv (trust, ward, date, label, kind: the Monday each ward joined \
        the restrictive practice collaborative) and DIR/equity.csv (trust, ward, measure, week_start, \
        ethnic_group, count, bed_days: restrictive practice by NHS ethnic category, each group's own \
        occupied bed days), then prints the three paths. 3 trusts, 36 wards, \
        156 weeks from Monday 2023-01-02, six incident measures and ligature assessments; restrictive practice falls by 15% on \
        average after joining. The same seed gives byte-identical files on every machine \
        (see SampleData/README.md).
        """
    )

    @Option(name: .customLong("out"), help: ArgumentHelp("Folder to write wards.csv, events.csv and equity.csv into (created when missing; existing files are replaced).", valueName: "DIR"))
    var outputFolder: String

    @Option(help: "Random seed, a whole number from 0 to 18446744073709551615; 2026 makes the committed SampleData.")
    var seed: UInt64 = SampleProgramme.defaultSeed

    func run() throws {
        let programme = SampleProgramme(seed: seed)
        let folder = outputFolder.count > 1 && outputFolder.hasSuffix("/") ? String(outputFolder.dropLast()) : outputFolder
        let wardsPath = folder + "/wards.csv"
        let eventsPath = folder + "/events.csv"
        let equityPath = folder + "/equity.csv"
        do {
            try AtomicFile.makeDirectory(folder)
            try AtomicFile.write(programme.wardsCSV(), to: wardsPath)
            try AtomicFile.write(programme.eventsCSV(), to: eventsPath)
            try AtomicFile.write(programme.equityCSV(), to: equityPath)
        } catch {
            printStandardError("wardspc sample: \(error)")
            throw ExitCode(1)
        }
        print(wardsPath)
        print(eventsPath)
        print(equityPath)
    }
}
