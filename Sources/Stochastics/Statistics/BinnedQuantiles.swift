/// Approximate quantiles from a fixed-bin histogram: memory is flat however many values are
/// added (e.g. the p95 of load imbalance over 8,640 samples × 100 clusters).
///
/// The range [lower, upper] is cut into `bins` equal bins of width `binWidth`; bin i holds
/// [lower + i·w, lower + (i+1)·w), the last bin also holds `upper`. Values outside the range are
/// clamped into the first or last bin (counted in `clampedCount`); NaN is ignored (counted in
/// `nanCount`).
///
/// `quantile(p)` finds the bin holding the order statistic of rank r = max(1, ⌈p·n⌉) and
/// interpolates linearly inside it. **Error bound:** the result lies in the same bin as that
/// order statistic x₍r₎ of the clamped values (the inverse empirical CDF, Hyndman–Fan type 1), so
/// |quantile(p) − x₍r₎| ≤ `binWidth`. For dense data it is also within about one bin width of
/// the interpolated `Statistics.quantile`.
public struct BinnedQuantiles: Sendable, Equatable {
    /// Lower edge of the first bin.
    public let lower: Double
    /// Upper edge of the last bin.
    public let upper: Double
    /// Width of each bin: the resolution, and the error bound of `quantile`.
    public let binWidth: Double
    private var counts: [Int]
    /// Number of values added (NaN excluded).
    public private(set) var count: Int = 0
    /// Number of added values that were below `lower` or above `upper` and were clamped.
    public private(set) var clampedCount: Int = 0
    /// Number of NaN values that were ignored.
    public private(set) var nanCount: Int = 0

    /// Creates an empty histogram of `bins` equal bins over [lower, upper].
    /// - Precondition: `lower < upper` (both finite) and `bins >= 1`.
    public init(lower: Double, upper: Double, bins: Int) {
        precondition(lower.isFinite && upper.isFinite && lower < upper, "BinnedQuantiles needs finite lower < upper")
        precondition(bins >= 1, "BinnedQuantiles needs at least one bin, got \(bins)")
        self.lower = lower
        self.upper = upper
        self.binWidth = (upper - lower) / Double(bins)
        self.counts = Array(repeating: 0, count: bins)
    }

    /// Number of bins.
    public var bins: Int { counts.count }

    /// Adds one value. O(1).
    public mutating func add(_ x: Double) {
        if x.isNaN {
            nanCount += 1
            return
        }
        count += 1
        let index: Int
        if x < lower {
            index = 0
            clampedCount += 1
        } else if x > upper {
            index = counts.count - 1
            clampedCount += 1
        } else {
            index = Swift.min(Int((x - lower) / binWidth), counts.count - 1)
        }
        counts[index] += 1
    }

    /// Adds everything `other` has seen. O(bins).
    /// - Precondition: same `lower`, `upper` and `bins`.
    public mutating func merge(_ other: BinnedQuantiles) {
        precondition(lower == other.lower && upper == other.upper && bins == other.bins,
                     "BinnedQuantiles.merge needs identical bin layouts")
        for index in counts.indices {
            counts[index] += other.counts[index]
        }
        count += other.count
        clampedCount += other.clampedCount
        nanCount += other.nanCount
    }

    /// The approximate `p`-quantile (see the type's error bound); NaN when empty. O(bins).
    /// - Precondition: `0 <= p <= 1`.
    public func quantile(_ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "quantile needs 0 <= p <= 1, got \(p)")
        guard count > 0 else { return .nan }
        let rank = Swift.max(1, Swift.min(count, Int((p * Double(count)).rounded(.up))))
        var before = 0
        for (index, binCount) in counts.enumerated() where binCount > 0 {
            if before + binCount >= rank {
                let fraction = Double(rank - before) / Double(binCount)
                return lower + (Double(index) + fraction) * binWidth
            }
            before += binCount
        }
        return upper
    }
}
