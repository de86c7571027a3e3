import Threads
import Testing
import SPCCore
@testable import WardSPC

@Suite struct TextBufferTests {
    /// Doubles across the whole range: random bit patterns (finite ones), random rates,
    /// and values at the edges of the integer and exponent forms.
    static func doubles(count: Int) -> [Double] {
        var random = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 0.1, 1e15, 1e15 - 1, 1e16, 1.5e-7, 5e-324, .greatestFiniteMagnitude,
                                -.greatestFiniteMagnitude, .leastNormalMagnitude, 123456789012345.6, 2.5, -2.5]
        while values.count < count {
            let bits = Double(bitPattern: random.next())
            if bits.isFinite { values.append(bits) }
            values.append(Double(random.next() % 1_000) / Double(1 + random.next() % 997) * 1_000)
        }
        return values
    }

    @Test func numbers_areWrittenAsCSVCellWritesThem() {
        for value in Self.doubles(count: 200_000) {
            var buffer = TextBuffer()
            buffer.append(number: value)
            #expect(buffer.string == CSVCell.number(value), "\(value.bitPattern)")
            #expect(buffer.string == JSONValue.number(value).rendered(), "\(value.bitPattern)")
        }
    }

    @Test func theRepeatedNumberCache_writesEveryValueAsWithout() {
        var random = SystemRandomNumberGenerator()
        let pool = Self.doubles(count: 20)
        var cached = TextBuffer(), plain = TextBuffer()
        var cache = RepeatedNumber()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { scratch in
            for _ in 0..<5_000 {
                // Runs of equal values, then a change (including −0 to 0: the same digits'
                // neighbour, another bit pattern).
                let value = pool[Int(random.next() % UInt64(pool.count))]
                for _ in 0..<Int(random.next() % 4) {
                    var row = RowWriter(scratch.baseAddress!)
                    row.cell(value, &cache)
                    cached.append(bytes: UnsafeBufferPointer(start: row.base, count: row.count))
                    plain.append(number: value); plain.append(byte: 0x2C)
                }
            }
        }
        #expect(cached.bytes == plain.bytes)
    }

    @Test func outputBytes_keepChunksInOrder_andEndInALineBreak() {
        let output = OutputBytes(chunks: [Array("a,b\n".utf8), [], Array("1,2".utf8)])
        #expect(output.chunks.count == 2)
        #expect(output.string == "a,b\n1,2")
        #expect(!output.endsWithNewline)
        #expect(output.terminated().string == "a,b\n1,2\n")
        #expect(output.terminated().terminated().string == "a,b\n1,2\n")
        #expect(output.count == 7)
    }

    @Test func mapBlocks_givesOneResultPerBlock_inOrder_whateverTheThreads() {
        for threads in [1, 2, 3, 8] {
            let blocks = ParallelBlocks.mapBlocks(count: 1_000, blockSize: 7, threads: threads) { range in
                range.map(String.init).joined(separator: ",")
            }
            #expect(blocks.count == 143)
            #expect(blocks.joined(separator: ",") == (0..<1_000).map(String.init).joined(separator: ","))
        }
        #expect(ParallelBlocks.mapBlocks(count: 0, blockSize: 4) { $0.count }.isEmpty)
    }
}

@Suite struct RowWriterTests {
    @Test func cells_areWrittenAsTextBufferWritesThem() {
        var random = SystemRandomNumberGenerator()
        let values = TextBufferTests.doubles(count: 50_000)
        let integers: [Int64] = [0, 1, 9, 10, 99, 100, -1, -10, .max, .min + 1, 1_000_000_007] + (0..<2_000).map { _ in Int64(bitPattern: random.next()) }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { scratch in
            for value in values {
                var row = RowWriter(scratch.baseAddress!)
                row.append(number: value)
                var buffer = TextBuffer()
                buffer.append(number: value)
                #expect(Array(UnsafeBufferPointer(start: row.base, count: row.count)) == buffer.bytes, "\(value)")
            }
            for value in integers {
                var row = RowWriter(scratch.baseAddress!)
                row.append(integer: value)
                #expect(String(decoding: UnsafeBufferPointer(start: row.base, count: row.count), as: UTF8.self) == String(value))
            }
            for day in stride(from: Int32(-719_162), through: 2_932_896, by: 997) {
                var row = RowWriter(scratch.baseAddress!)
                row.append(date: CivilDate(dayNumber: day))
                #expect(String(decoding: UnsafeBufferPointer(start: row.base, count: row.count), as: UTF8.self) == CivilDate(dayNumber: day).iso)
            }
        }
    }

    @Test func longNames_takeTheCellByCellPath_withTheSameText() throws {
        let long = String(repeating: "Ward with a very long name ", count: 20) + "end"
        let text = "trust,ward,measure,week_start,count,bed_days\n" + (0..<30).map {
            "RX1,\(long),restraint,\(CivilDate(year: 2024, month: 1, day: 1)!.adding(days: 7 * $0).iso),\($0 % 4),\(90 + $0)"
        }.joined(separator: "\n") + "\n"
        let dataset = try WardDataReader.read(InputFile(name: "long.csv", bytes: Array(text.utf8)))
        let reports = try Analyzer.analyse(dataset, settings: AnalysisSettings()).series
        let csv = AnalysisCSV.points(reports)
        let lines = csv.split(separator: "\n")
        #expect(lines.count == 31)
        #expect(lines[1].hasPrefix("RX1,\(long),restraint,"))
        #expect(lines[1].split(separator: ",", omittingEmptySubsequences: false).count == AnalysisCSV.pointHeader.count)
    }
}

@Suite struct PointRowsTests {
    /// The scratch-row writer and the cell-by-cell one give the same text for every chart
    /// and rule set (signals, categories, missing values, phases).
    @Test func scratchRows_equalCellByCellRows() throws {
        for seed in UInt64(1)...6 {
            let dataset = try WardDataReader.read(StreamingTests.file(StreamingTests.programme(seed: seed, dimensions: seed % 2 == 0)))
            for chart in ChartKind.allCases where chart != .g && chart != .t {
                for rules in RuleSetKind.allCases {
                    var settings = StreamingTests.settings(chart, rules)
                    settings.autoRebaseLength = seed % 3 == 0 ? 6 : nil
                    guard let reports = try? Analyzer.analyse(dataset, settings: settings).series else { continue }
                    for report in reports {
                        var fast = TextBuffer(), byCell = TextBuffer()
                        AnalysisCSV.pointRows(report, into: &fast)
                        let prefix = Array(([CSVCell.text(report.trust), CSVCell.text(report.ward), CSVCell.text(report.measure),
                                             report.chart.rawValue].joined(separator: ",") + ",").utf8)
                        AnalysisCSV.pointRowsByCell(report, prefix: prefix, into: &byCell)
                        #expect(fast.string == byCell.string, "seed \(seed), \(chart) \(rules), \(report.ward)")
                    }
                }
            }
        }
    }
}
