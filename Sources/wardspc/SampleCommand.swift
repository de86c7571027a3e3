import ArgumentParser

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sample", abstract: "Write the synthetic sample programme (in progress).")
    func run() throws { throw ExitCode(1) }
}
