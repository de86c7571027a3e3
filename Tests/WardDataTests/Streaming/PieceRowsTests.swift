import Testing
@testable import WardData

/// `PieceRows` splits rows exactly as `CSVScanner` does, including when a quote first
/// appears part-way through a piece (it hands over to the scanner at that line) and with
/// CRLF line ends and blank lines; and it reports what the whole-file reader would.
@Suite struct PieceRowsTests {
    static func rows(_ text: String, fieldCount: Int, checkAhead: Int) -> (fields: [[String]], problem: String?) {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { piece in
            var rows = PieceRows(piece, fieldCount: fieldCount, limits: CSVScanner.Limits(), checkAhead: checkAhead)
            var fields: [[String]] = []
            while rows.next() {
                fields.append(rows.fields.map { String(decoding: UnsafeBufferPointer(rebasing: piece[$0]), as: UTF8.self) })
            }
            return (fields, rows.problem)
        }
    }

    static func scanned(_ text: String) -> [[String]] {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { buffer in
            var scanner = CSVScanner(bytes: buffer)
            var records: [[String]] = []
            while scanner.nextRecord() { records.append(scanner.fields.map { scanner.string($0) }) }
            return records
        }
    }

    @Test(arguments: [1, 7, 30, 4 << 20])
    func rowsEqualTheScanners_whenAQuoteAppearsPartWay(checkAhead: Int) {
        let text = "RX1,A,restraint,2024-01-01,1\r\nRX1,A,restraint,2024-01-08,2\r\n\r\n  \nRX1,\"B, east\",restraint,2024-01-01,3\nRX1,\"B, east\",restraint,2024-01-08,\"4\"\nRX1,C,restraint,2024-01-01,5"
        let result = Self.rows(text, fieldCount: 5, checkAhead: checkAhead)
        #expect(result.problem == nil)
        #expect(result.fields == Self.scanned(text))
        #expect(result.fields.count == 5)
    }

    @Test(arguments: [
        ("RX1,A,restraint,2024-01-01\n", "a row with fewer fields than the header"),
        ("RX1,A,restraint,2024-01-01,1,2\n", "a row with more fields than the header"),
        ("RX1,A,restr\u{0}aint,2024-01-01,1\n", "bytes that are not UTF-8 text"),
        ("RX1,A\rB,restraint,2024-01-01,1\n", "a line break the whole-file reader counts (a lone CR)"),
        ("RX1,\"A \"\"B\"\"\",restraint,2024-01-01,1\n", "a quoted field with a doubled quote"),
    ])
    func whatTheWholeFileReaderWouldReport_isAProblem(text: String, problem: String) {
        #expect(Self.rows(text, fieldCount: 5, checkAhead: 8).problem == problem)
    }
}
