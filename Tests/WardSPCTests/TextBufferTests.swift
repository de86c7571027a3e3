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
        for _ in 0..<5_000 {
            // Runs of equal values, then a change (including to a value with the same digits but another bit pattern: −0 and 0).
            let value = pool[Int(random.next() % UInt64(pool.count))]
            for _ in 0..<Int(random.next() % 4) {
                cached.append(number: value, cache: &cache); cached.append(byte: 0x2C)
                plain.append(number: value); plain.append(byte: 0x2C)
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
