import ArgumentParser
import WardData

/// Reads `--events FILE` with the same date rules as the data file.
enum WardEventsLoader {
    typealias Loaded = WardEvents

    static func load(_ path: String?, options: ReadOptions) throws(InputRejected) -> WardEvents? {
        guard let path else { return nil }
        return try WardEventsReader.read(path: path, options: options)
    }

    /// As `load`, reporting a rejected events file on stderr and exiting 2.
    static func loadOrExit(_ path: String?, options: ReadOptions) throws -> WardEvents? {
        do { return try load(path, options: options) } catch { throw reject(error) }
    }
}
