import Foundation
import ZIPFoundation

/// A zip archive built in memory (ZIPFoundation): nothing touches the disk, so `serve`
/// can answer with one and a slide deck is written atomically like any other file.
/// Entries keep the order given; already-compressed files (PNG) are stored as they are,
/// everything else deflated. Every entry carries the same fixed date, so the same inputs
/// give the same bytes.
public enum ZipPackage {
    public struct Entry: Sendable {
        /// A path inside the archive, `/`-separated (e.g. `ppt/slides/slide1.xml`).
        public var path: String
        public var bytes: [UInt8]

        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = bytes
        }
    }

    public struct Failure: Error, CustomStringConvertible, Sendable {
        public var description: String
    }

    /// 1 January 2000, 00:00 UTC: a date every zip reader accepts (zip dates start in 1980).
    static let entryDate = Date(timeIntervalSince1970: 946_684_800)

    public static func archive(_ entries: [Entry]) throws -> [UInt8] {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for entry in entries {
                let data = Data(entry.bytes)
                let stored = entry.path.hasSuffix(".png") || entry.path.hasSuffix(".zip") || entry.path.hasSuffix(".pptx")
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: entryDate,
                                     compressionMethod: stored ? .none : .deflate) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let data = archive.data else { throw Failure(description: "the zip archive was not kept in memory") }
            return [UInt8](data)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(description: "could not build the zip archive: \(error)")
        }
    }
}
