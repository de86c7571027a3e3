import WardData

/// Reads `--events FILE` with the same date rules as the data file.
enum WardEventsLoader {
    typealias Loaded = WardEvents

    static func load(_ path: String?, options: ReadOptions) throws(InputRejected) -> WardEvents? {
        guard let path else { return nil }
        return try WardEventsReader.read(path: path, options: options)
    }
}
