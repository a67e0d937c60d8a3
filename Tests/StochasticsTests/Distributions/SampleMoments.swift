import Testing

/// Sample mean and variance of a batch of draws, with tolerance checks stated in standard errors.
///
/// Tolerance: 5 standard errors (a correct generator fails such a check with probability
/// ≈ 6 × 10⁻⁷; the seeds are fixed, so the outcome is deterministic anyway).
struct SampleMoments {
    let count: Int
    let mean: Double
    let variance: Double

    init(_ draws: [Double]) {
        count = draws.count
        let mean = draws.reduce(0, +) / Double(draws.count)
        self.mean = mean
        variance = draws.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(draws.count - 1)
    }

    /// Expects |mean − expected| ≤ 5 × sd / √n, where `sd` is the distribution's true sd.
    func expectMean(_ expected: Double, trueSD sd: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        let tolerance = 5 * sd / Double(count).squareRoot()
        #expect(abs(mean - expected) <= tolerance,
                "mean \(mean) vs \(expected) ± \(tolerance)", sourceLocation: sourceLocation)
    }

    /// Expects |variance − σ²| ≤ 5 × √((μ₄ − σ⁴) / n), where μ₄ is the true 4th central moment.
    func expectVariance(_ expected: Double, fourthCentralMoment: Double,
                        sourceLocation: SourceLocation = #_sourceLocation) {
        let tolerance = 5 * ((fourthCentralMoment - expected * expected) / Double(count)).squareRoot()
        #expect(abs(variance - expected) <= tolerance,
                "variance \(variance) vs \(expected) ± \(tolerance)", sourceLocation: sourceLocation)
    }
}
