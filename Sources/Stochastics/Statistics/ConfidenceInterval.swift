/// A two-sided Student-t confidence interval of a mean: `mean ± halfWidth`.
///
/// When `n < 2` the half-width is 0 by convention (and when `n == 0` the mean is NaN):
/// such an interval says nothing about uncertainty, so check `n`.
public struct ConfidenceInterval: Sendable, Equatable {
    /// Number of observations.
    public let n: Int
    /// Sample mean (NaN when `n == 0`).
    public let mean: Double
    /// Sample standard deviation, divisor n − 1 (0 when `n < 2`).
    public let sd: Double
    /// t((1 + level)/2, n − 1) × sd / √n (0 when `n < 2`).
    public let halfWidth: Double
    /// Confidence level, e.g. 0.95.
    public let level: Double

    /// Creates an interval from its parts (normally made by `Statistics.confidenceInterval`).
    public init(n: Int, mean: Double, sd: Double, halfWidth: Double, level: Double = 0.95) {
        self.n = n
        self.mean = mean
        self.sd = sd
        self.halfWidth = halfWidth
        self.level = level
    }

    /// Lower bound, `mean − halfWidth`.
    public var low: Double { mean - halfWidth }

    /// Upper bound, `mean + halfWidth`.
    public var high: Double { mean + halfWidth }

    /// Whether `value` lies in [low, high].
    public func contains(_ value: Double) -> Bool {
        low <= value && value <= high
    }
}
