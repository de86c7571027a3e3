/// The sample generator's random numbers: xoshiro256** (Blackman & Vigna, 2018), seeded
/// through SplitMix64 (Steele, Lea & Flood, 2014).
///
/// Written out here rather than taken from the standard library so that the same seed
/// gives the same numbers on every machine and every Swift version: it deliberately does
/// not conform to `RandomNumberGenerator`, whose `random(in:using:)` helpers are free to
/// change how they use the bits. Everything built on it uses only integer arithmetic,
/// IEEE-754 `+ − × ÷ √` and `PortableMath`.
public struct SampleRandom: Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator for `seed`; different `stream`s give independent sequences from one seed.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = SplitMix64(state: seed ^ SplitMix64.mix(stream &+ 0x5851_F42D_4C95_7F2D))
        s0 = mixer.next(); s1 = mixer.next(); s2 = mixer.next(); s3 = mixer.next()
    }

    /// A generator with the given state words (not all zero), for checking against the
    /// reference implementation's published outputs.
    init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// Uniform on [0, 1), a multiple of 2⁻⁵³.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Uniform on (0, 1), never 0 or 1: safe to take the logarithm of.
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1.0p-53
    }

    /// Uniform on `0..<bound` without modulo bias (Lemire, 2019).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "the bound must be positive")
        let range = UInt64(bound)
        let threshold = (0 &- range) % range
        while true {
            let (high, low) = range.multipliedFullWidth(by: next())
            if low >= threshold { return Int(high) }
        }
    }

    /// Uniform on `range` (both ends included).
    public mutating func nextInt(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + nextInt(below: range.count)
    }

    private func rotateLeft(_ value: UInt64, _ shift: UInt64) -> UInt64 {
        (value << shift) | (value >> (64 - shift))
    }
}

/// SplitMix64: turns one 64-bit seed into well-mixed state words.
struct SplitMix64 {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return SplitMix64.mix(state)
    }

    static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A stable 64-bit hash of a text (FNV-1a), for naming a random stream after a ward.
    /// (`Hasher` is seeded per process, so it cannot be used for this.)
    static func stream(named name: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
