import Testing
@testable import WardData

/// One record as the scanner saw it.
private struct Scanned: Equatable {
    var line: Int
    var fields: [String]
    var problem: CSVScanner.Problem?
}

/// Every record of `bytes`, with its physical start line, unescaped fields and first problem.
private func scan(_ bytes: [UInt8], limits: CSVScanner.Limits = CSVScanner.Limits()) -> [Scanned] {
    bytes.withUnsafeBufferPointer { buffer in
        var scanner = CSVScanner(bytes: buffer, limits: limits)
        var records: [Scanned] = []
        while scanner.nextRecord() {
            records.append(Scanned(line: scanner.recordLine, fields: scanner.fields.map { scanner.string($0) },
                                   problem: scanner.recordProblem))
        }
        return records
    }
}

private func scan(_ text: String, limits: CSVScanner.Limits = CSVScanner.Limits()) -> [Scanned] {
    scan(Array(text.utf8), limits: limits)
}

@Suite("CSVScanner: records, fields and physical lines")
struct CSVScannerTests {
    @Test func plainRecords_giveFieldsAndPhysicalLines() {
        let records = scan("a,b,c\n1,2,3\n")
        #expect(records == [Scanned(line: 1, fields: ["a", "b", "c"]), Scanned(line: 2, fields: ["1", "2", "3"])])
    }

    @Test func emptyFields_areKept() {
        #expect(scan("a,,c,\n").first?.fields == ["a", "", "c", ""])
    }

    @Test func lastRecordWithoutLineEnd_isRead() {
        #expect(scan("a,b\n1,2").map(\.fields) == [["a", "b"], ["1", "2"]])
    }

    @Test func emptyInput_hasNoRecords() {
        #expect(scan("").isEmpty)
        #expect(scan([0xEF, 0xBB, 0xBF]).isEmpty)
        #expect(scan("\n\n  \n\r\n").isEmpty)
    }

    @Test func utf8ByteOrderMark_isSkipped() {
        let records = scan([0xEF, 0xBB, 0xBF] + Array("trust,ward\nR1,W1\n".utf8))
        #expect(records.first?.fields == ["trust", "ward"])
        #expect(records.map(\.line) == [1, 2])
    }

    @Test func crlfLineEnds_areLineEnds() {
        let records = scan("a,b\r\n1,2\r\n3,4\r\n")
        #expect(records == [Scanned(line: 1, fields: ["a", "b"]), Scanned(line: 2, fields: ["1", "2"]),
                            Scanned(line: 3, fields: ["3", "4"])])
    }

    @Test func quotedFields_holdCommasDoubledQuotesAndNewlines() {
        let records = scan("name,note\n\"Willow, Acute\",\"said \"\"no\"\"\"\n\"Rowan\nWard\",x\n")
        #expect(records.map(\.fields) == [["name", "note"], ["Willow, Acute", "said \"no\""], ["Rowan\nWard", "x"]])
        #expect(records.allSatisfy { $0.problem == nil })
    }

    @Test func recordsAfterMultiLineQuotedField_keepPhysicalLineNumbers() {
        let records = scan("h1,h2\n\"one\ntwo\nthree\",x\nnext,y\n\"a\r\nb\",z\nlast,w\n")
        #expect(records.map(\.line) == [1, 2, 5, 6, 8])
    }

    @Test func blankAndWhitespaceOnlyLines_areSkippedButCounted() {
        let records = scan("a,b\n\n   \n1,2\n\t\n3,4\n\n\n")
        #expect(records.map(\.line) == [1, 4, 6])
        #expect(records.map(\.fields) == [["a", "b"], ["1", "2"], ["3", "4"]])
    }

    @Test func quoteInsideUnquotedField_isLiteral() {
        #expect(scan("12\" tube,x\n").first?.fields == ["12\" tube", "x"])
    }

    @Test func unterminatedQuote_isReportedAtTheLineWhereItsRecordStarts() {
        let records = scan("a,b\n1,2\n\"open,3\n4,5\n6,7\n")
        #expect(records.count == 3)
        #expect(records.last?.line == 3)
        #expect(records.last?.problem == .unterminatedQuote)
    }

    @Test func textAfterClosingQuote_isReported() {
        let records = scan("a,b\n\"x\"y,2\n3,4\n")
        #expect(records[1].problem == .textAfterClosingQuote(fieldIndex: 0))
        #expect(records[2] == Scanned(line: 3, fields: ["3", "4"]))
    }

    @Test func nulByte_isReportedAtItsPhysicalLine() {
        // The record starts on line 2; the NUL is on line 3, inside a quoted field.
        let bytes = Array("a,b\n\"x\ny".utf8) + [0] + Array("\",2\n3,4\n".utf8)
        let records = scan(bytes)
        #expect(records[1].line == 2)
        #expect(records[1].problem == .nulByte(line: 3))
        #expect(records[2].problem == nil)
    }

    @Test(arguments: [
        ("lone continuation byte", [0x80] as [UInt8]),
        ("invalid lead byte", [0xFF]),
        ("overlong encoding of /", [0xC0, 0xAF]),
        ("UTF-16 surrogate", [0xED, 0xA0, 0x80]),
        ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("truncated sequence", [0xE2, 0x82]),
        ("Latin-1 é", [0xE9]),
    ])
    func invalidUTF8_isReportedAtItsLine(_ label: String, _ bad: [UInt8]) {
        let bytes = Array("ward,count\nWillow,1\nRow".utf8) + bad + Array("an,2\nElm,3\n".utf8)
        let records = scan(bytes)
        #expect(records.count == 4, "\(label)")
        #expect(records[2].problem == .invalidUTF8(line: 3), "\(label)")
        #expect(records[1].problem == nil && records[3].problem == nil, "\(label)")
    }

    @Test func invalidUTF8_afterManyASCIIBytes_isFound() {
        // Past the eight-byte fast path.
        let bytes = Array("ward,note\nWillow,abcdefghijklmnopqrstuvwxyz".utf8) + [0xFF] + Array("\n".utf8)
        #expect(scan(bytes)[1].problem == .invalidUTF8(line: 2))
    }

    @Test func validMultiByteUTF8_isAccepted() {
        let records = scan("ward,note\nSt Mary’s,café 😀 ü\n")
        #expect(records[1].problem == nil)
        #expect(records[1].fields == ["St Mary’s", "café 😀 ü"])
    }

    @Test func fieldLongerThanLimit_isReported() {
        let records = scan("a,b\n1,\(String(repeating: "x", count: 40))\n", limits: .init(maxFieldBytes: 16, maxFields: 100))
        #expect(records[1].problem == .fieldTooLong(fieldIndex: 1, bytes: 40))
    }

    @Test func moreFieldsThanLimit_isReported_andFieldsAreCapped() {
        let records = scan("a,b,c\n1,2,3,4,5,6,7\n8,9,10\n", limits: .init(maxFieldBytes: 100, maxFields: 4))
        #expect(records[1].problem == .tooManyFields(4))
        #expect(records[1].fields.count == 4)
        #expect(records[2] == Scanned(line: 3, fields: ["8", "9", "10"]))
    }
}

@Suite("CSVScanner limits through the reader: reported, not crashes")
struct CSVScannerLimitTests {
    @Test func longFormat_fieldLongerThanMaxFieldBytes_isRefusedWithLineAndColumn() {
        let text = "trust,ward,measure,week_start,count\nRXX,Willow,restraint,2024-01-01,1\nRXX,\(String(repeating: "W", count: 300)),restraint,2024-01-08,2\n"
        let rejection = Fixtures.rejection(text: text, options { $0.limits = .init(maxFieldBytes: 64, maxFields: 100) })
        expectError(rejection, line: 3, column: "ward", containing: "300 bytes", "64")
    }

    @Test func longFormat_moreFieldsThanMaxFields_isRefusedWithLine() {
        let text = "trust,ward,measure,week_start,count\nRXX,Willow,restraint,2024-01-01,1\nRXX,Willow,restraint,2024-01-08,2,a,b,c,d,e,f\n"
        let rejection = Fixtures.rejection(text: text, options { $0.limits = .init(maxFieldBytes: 1024, maxFields: 8) })
        expectError(rejection, line: 3, column: nil, containing: "more than 8 fields")
    }

    @Test func headerWithMoreColumnsThanMaxFields_isRefusedAtLine1() {
        let header = (1...20).map { "c\($0)" }.joined(separator: ",")
        let rejection = Fixtures.rejection(text: header + "\n", options { $0.limits = .init(maxFieldBytes: 1024, maxFields: 8) })
        expectError(rejection, line: 1, column: nil, containing: "more than 8 columns")
    }

    @Test func hugeField_withDefaultLimits_isRefused() {
        let huge = String(repeating: "9", count: (1 << 20) + 1)
        let text = "trust,ward,measure,week_start,count\nRXX,Willow,restraint,2024-01-01,\(huge)\n"
        let rejection = Fixtures.rejection(text: text)
        expectError(rejection, line: 2, column: "count", containing: "longer than the limit")
    }
}
