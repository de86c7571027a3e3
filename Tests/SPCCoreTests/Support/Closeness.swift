import Testing

/// Expects `actual` to equal `expected` within a relative tolerance (absolute near 0),
/// naming both in the failure message.
func expectClose(_ actual: Double?, _ expected: Double, relative: Double = 1e-12,
                 absolute: Double = 1e-300, _ label: String = "",
                 sourceLocation: SourceLocation = #_sourceLocation) {
    guard let actual else {
        Issue.record("\(label): nil, expected \(expected)", sourceLocation: sourceLocation)
        return
    }
    if actual == expected { return }  // also ±∞
    let tolerance = max(relative * abs(expected), absolute)
    #expect(abs(actual - expected) <= tolerance,
            "\(label): \(actual) vs \(expected) (relative error \(abs(actual - expected) / abs(expected)))",
            sourceLocation: sourceLocation)
}
