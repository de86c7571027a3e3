/// `exp` and `log` from IEEE-754 `+ − × ÷` alone, so the sample data does not depend on
/// the platform's maths library (glibc and Darwin's libm may differ in the last bit, and
/// one bit can flip an accept/reject step of a sampler). Accurate to a few units in the
/// last place over the ranges the samplers use — plenty for simulation, and the same
/// everywhere.
enum PortableMath {
    // ln 2 split so that k·ln2High is exact for |k| < 2¹¹ (the fdlibm constants).
    private static let ln2High = 6.931_471_803_691_238_164_90e-01
    private static let ln2Low = 1.908_214_929_270_587_700_02e-10
    private static let sqrtHalf = 0.707_106_781_186_547_524_4

    /// The natural logarithm of a positive, finite `x`.
    static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log needs a positive finite number")
        // x = m·2ᵏ with m in [√½, √2); log m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.172.
        var exponent = Double(Int(x.exponent))
        var mantissa = x.significand
        if mantissa > 2 * sqrtHalf {
            mantissa /= 2
            exponent += 1
        }
        let s = (mantissa - 1) / (mantissa + 1)
        let s2 = s * s
        // 2·(s + s³/3 + s⁵/5 + …); s² ≤ 0.0295, so 14 terms reach full precision.
        var series = 0.0
        for term in stride(from: 27.0, through: 3.0, by: -2.0) {
            series = s2 * (1 / term + series)
        }
        let logMantissa = 2 * (s + s * series)
        return exponent * ln2High + (exponent * ln2Low + logMantissa)
    }

    /// e to the power `x` (0 below −745, infinity above 709.78).
    static func exp(_ x: Double) -> Double {
        precondition(!x.isNaN, "exp of NaN")
        if x > 709.78 { return .infinity }
        if x < -745.2 { return 0 }
        // x = k·ln 2 + r with |r| ≤ ln2/2; eʳ by its Taylor series in Horner form.
        let k = (x / (ln2High + ln2Low)).rounded()
        let r = (x - k * ln2High) - k * ln2Low
        var taylor = 1.0
        for n in stride(from: 22.0, through: 1.0, by: -1.0) {
            taylor = 1 + r / n * taylor
        }
        // Scale by 2ᵏ in two exact steps so that neither overflows.
        let half = (k / 2).rounded(.down)
        let scaled = Double(sign: .plus, exponent: Int(half), significand: taylor)
        return Double(sign: .plus, exponent: Int(k - half), significand: scaled)
    }

    /// log(k!) for k ≥ 0: summed exactly for small k, Stirling's series beyond.
    static func logFactorial(_ k: Int) -> Double {
        precondition(k >= 0, "log factorial of a negative number")
        if k < 20 {
            var product = 1.0
            for factor in stride(from: 2, through: k, by: 1) { product *= Double(factor) }
            // Exact up to 18!; 19! is rounded once, the same way everywhere.
            return log(product)
        }
        // log Γ(n) for n = k + 1 ≥ 21: (n − ½)·log n − n + ½·log 2π + 1/(12n) − 1/(360n³) + 1/(1260n⁵).
        let n = Double(k + 1)
        let inverse = 1 / n
        let inverse2 = inverse * inverse
        let correction = inverse * (1.0 / 12 - inverse2 * (1.0 / 360 - inverse2 / 1260))
        return (n - 0.5) * log(n) - n + 0.918_938_533_204_672_741_78 + correction
    }
}
