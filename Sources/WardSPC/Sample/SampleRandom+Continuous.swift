extension SampleRandom {
    /// A standard normal draw (mean 0, variance 1) by Marsaglia's polar method.
    public mutating func normal() -> Double {
        while true {
            let x = 2 * nextUnit() - 1
            let y = 2 * nextUnit() - 1
            let radius2 = x * x + y * y
            if radius2 > 0 && radius2 < 1 {
                return x * (-2 * PortableMath.log(radius2) / radius2).squareRoot()
            }
        }
    }

    /// A gamma draw with shape `shape` (> 0) and scale 1, so mean and variance `shape`.
    /// Marsaglia & Tsang, "A simple method for generating gamma variables", ACM TOMS 26
    /// (2000); shapes below 1 use their boost Γ(a) = Γ(a + 1)·U^(1/a).
    public mutating func gamma(shape: Double) -> Double {
        precondition(shape > 0 && shape.isFinite, "a gamma shape must be positive")
        if shape < 1 {
            let boosted = gamma(shape: shape + 1)
            return boosted * PortableMath.exp(PortableMath.log(nextOpenUnit()) / shape)
        }
        let d = shape - 1.0 / 3
        let c = 1 / (9 * d).squareRoot()
        while true {
            var x: Double
            var v: Double
            repeat {
                x = normal()
                v = 1 + c * x
            } while v <= 0
            v = v * v * v
            let u = nextOpenUnit()
            let x2 = x * x
            if u < 1 - 0.0331 * x2 * x2 { return d * v }
            if PortableMath.log(u) < 0.5 * x2 + d * (1 - v + PortableMath.log(v)) { return d * v }
        }
    }

    /// A beta draw on [0, 1] with shapes `a`, `b` (> 0), as X/(X + Y) of two gamma draws.
    public mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(shape: a)
        let y = gamma(shape: b)
        return x + y > 0 ? x / (x + y) : a / (a + b)
    }
}
