extension SampleRandom {
    /// The mean at and above which `poisson(mean:)` uses PTRS instead of Knuth's method.
    static let poissonRejectionThreshold = 10.0

    /// A Poisson-distributed count with mean `mean` (≥ 0): Knuth's multiplication method
    /// below a mean of 10, Hörmann's transformed rejection with squeeze (PTRS) from 10 up.
    /// Both are exact; neither approximates the distribution.
    public mutating func poisson(mean: Double) -> Int {
        precondition(mean >= 0 && mean.isFinite, "a Poisson mean must be finite and non-negative")
        if mean == 0 { return 0 }
        return mean < Self.poissonRejectionThreshold ? poissonKnuth(mean: mean) : poissonPTRS(mean: mean)
    }

    /// Knuth (TAOCP vol. 2, §3.4.1): multiply uniforms until the product falls to e^−λ;
    /// the number of factors before that is the count. Takes about λ + 1 uniforms.
    private mutating func poissonKnuth(mean: Double) -> Int {
        let limit = PortableMath.exp(-mean)
        var count = 0
        var product = nextUnit()
        while product > limit {
            count += 1
            product *= nextUnit()
        }
        return count
    }

    /// PTRS: W. Hörmann, "The transformed rejection method for generating Poisson random
    /// variables", Insurance: Mathematics and Economics 12 (1993) 39–45 — the constants
    /// of the paper, as NumPy's `random_poisson_ptrs` uses them. Valid for λ ≥ 10.
    private mutating func poissonPTRS(mean: Double) -> Int {
        let rootMean = mean.squareRoot()
        let logMean = PortableMath.log(mean)
        let b = 0.931 + 2.53 * rootMean
        let a = -0.059 + 0.024_83 * b
        let inverseAlpha = 1.1239 + 1.1328 / (b - 3.4)
        let acceptBelow = 0.9277 - 3.6224 / (b - 2)
        let logInverseAlpha = PortableMath.log(inverseAlpha)
        while true {
            let u = nextUnit() - 0.5
            let v = nextOpenUnit()
            let us = 0.5 - abs(u)
            let k = ((2 * a / us + b) * u + mean + 0.43).rounded(.down)
            // Squeeze: accepted without evaluating the density.
            if us >= 0.07 && v <= acceptBelow { return Int(k) }
            if k < 0 || (us < 0.013 && v > us) { continue }
            let logAccept = PortableMath.log(v) + logInverseAlpha - PortableMath.log(a / (us * us) + b)
            if logAccept <= -mean + k * logMean - PortableMath.logFactorial(Int(k)) { return Int(k) }
        }
    }
}
