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

    /// Random quote-free text — fields of 0 to 20 bytes (so commas and line ends fall at
    /// every place in the eight-byte words the splitter reads), LF and CRLF, blank and
    /// all-space lines, now and then a row with a field too few or too many, or a lone
    /// CR — read as the scanner reads it, with a problem exactly when there is one.
    @Test func randomRows_equalTheScanners_andProblemsAreFound() {
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("abcXYZ019-. é".utf8)
        for round in 0..<2_000 {
            var text: [UInt8] = []
            var expectProblem = false
            for _ in 0..<Int(random.next() % 12) {
                switch random.next() % 20 {
                case 0: text += Array("\n".utf8); continue
                case 1: text += Array("  \t\r\n".utf8); continue
                default: break
                }
                var count = 5
                if round % 5 == 0, random.next() % 6 == 0 { count += random.next() % 2 == 0 ? -1 : 1; expectProblem = true }
                for field in 0..<count {
                    if field > 0 { text.append(0x2C) }
                    for _ in 0..<Int(random.next() % 21) {
                        text.append(alphabet[Int(random.next() % UInt64(alphabet.count))])
                    }
                    if round % 7 == 0, random.next() % 30 == 0 { text.append(0x0D); text.append(0x41); expectProblem = true }
                }
                text += random.next() % 2 == 0 ? [0x0A] : [0x0D, 0x0A]
            }
            if random.next() % 3 == 0, text.last == 0x0A { text.removeLast(); if text.last == 0x0D { text.removeLast() } }
            let string = String(decoding: text, as: UTF8.self)
            let result = Self.rows(string, fieldCount: 5, checkAhead: 1 + Int(random.next() % 64))
            if expectProblem {
                #expect(result.problem != nil, "round \(round): \(string.debugDescription)")
            } else {
                #expect(result.problem == nil, "round \(round): \(string.debugDescription)")
                #expect(result.fields == Self.scanned(string), "round \(round): \(string.debugDescription)")
            }
        }
    }
}
