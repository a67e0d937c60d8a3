import CGSL

/// Batch statistics over arrays of observations, computed by GSL (`gsl_stats_*`, `gsl_cdf_*`).
///
/// Conventions for degenerate input (chosen so a summary row never traps):
/// - `mean` of an empty array is NaN (not 0: an empty sample has no mean, and NaN shows up in a
///   CSV instead of passing for a real zero);
/// - `standardDeviation` is the sample sd (divisor n − 1) and is 0 when n < 2;
/// - quantiles of an empty array are NaN; `lag1Autocorrelation` is NaN when n < 2 or the series
///   is constant.
public enum Statistics {
    /// The arithmetic mean (`gsl_stats_mean`); NaN for an empty array.
    public static func mean(_ x: [Double]) -> Double {
        guard !x.isEmpty else { return .nan }
        return x.withUnsafeBufferPointer { gsl_stats_mean($0.baseAddress, 1, $0.count) }
    }

    /// The sample standard deviation with divisor n − 1 (`gsl_stats_sd`); 0 when n < 2.
    public static func standardDeviation(_ x: [Double]) -> Double {
        guard x.count >= 2 else { return 0 }
        return x.withUnsafeBufferPointer { gsl_stats_sd($0.baseAddress, 1, $0.count) }
    }

    /// The `p`-quantile of already sorted data (`gsl_stats_quantile_from_sorted_data`):
    /// linear interpolation between order statistics at position `p × (n − 1)` (Hyndman–Fan
    /// type 7, the spreadsheet `PERCENTILE.INC`). NaN for an empty array.
    /// - Precondition: `0 <= p <= 1`; `sorted` is in ascending order (checked in debug builds).
    public static func quantile(sorted: [Double], _ p: Double) -> Double {
        precondition(p >= 0 && p <= 1, "quantile needs 0 <= p <= 1, got \(p)")
        assert(zip(sorted, sorted.dropFirst()).allSatisfy { !($0 > $1) }, "quantile(sorted:) got unsorted data")
        guard !sorted.isEmpty else { return .nan }
        return sorted.withUnsafeBufferPointer {
            gsl_stats_quantile_from_sorted_data($0.baseAddress, 1, $0.count, p)
        }
    }

    /// The `p`-quantile of `x` (sorts a copy; O(n log n)); see `quantile(sorted:_:)`.
    public static func quantile(_ x: [Double], _ p: Double) -> Double {
        quantile(sorted: x.sorted(), p)
    }

    /// The `p`-quantile of Student's t distribution (`gsl_cdf_tdist_Pinv`), e.g. 2.262 for
    /// p = 0.975 at 9 degrees of freedom. ±infinity at p = 0 and p = 1.
    /// - Precondition: `0 <= p <= 1`, `degreesOfFreedom > 0`.
    public static func tQuantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        precondition(p >= 0 && p <= 1, "tQuantile needs 0 <= p <= 1, got \(p)")
        precondition(degreesOfFreedom > 0, "tQuantile needs degreesOfFreedom > 0, got \(degreesOfFreedom)")
        GSLRuntime.configure()
        return gsl_cdf_tdist_Pinv(p, degreesOfFreedom)
    }

    /// The two-sided Student-t confidence interval of the mean of `x` at `level`:
    /// mean ± t((1 + level)/2, n − 1) × sd / √n. For n < 2 the half-width is 0 (one observation
    /// carries no spread information; check `n` before trusting such an interval).
    /// - Precondition: `0 < level < 1`.
    public static func confidenceInterval(_ x: [Double], level: Double = 0.95) -> ConfidenceInterval {
        precondition(level > 0 && level < 1, "confidence level must be in (0, 1), got \(level)")
        let n = x.count
        let sd = standardDeviation(x)
        var halfWidth = 0.0
        if n >= 2 {
            let t = tQuantile((1 + level) / 2, degreesOfFreedom: Double(n - 1))
            halfWidth = t * sd / Double(n).squareRoot()
        }
        return ConfidenceInterval(n: n, mean: mean(x), sd: sd, halfWidth: halfWidth, level: level)
    }

    /// The confidence interval of the paired differences `x[i] − baseline[i]`: the right way to compare two
    /// configurations run with common random numbers (same seeds, docs/model.md "Time, events, randomness").
    /// Identical arrays give mean 0 and half-width 0 exactly.
    /// - Precondition: `x.count == baseline.count`.
    public static func pairedDifferenceInterval(
        _ x: [Double], _ baseline: [Double], level: Double = 0.95
    ) -> ConfidenceInterval {
        precondition(x.count == baseline.count, "paired samples differ in size: \(x.count) vs \(baseline.count)")
        let differences = zip(x, baseline).map { $0 - $1 }
        return confidenceInterval(differences, level: level)
    }

    /// The lag-1 autocorrelation (`gsl_stats_lag1_autocorrelation`), e.g. to check that a
    /// batch-means series is nearly independent. NaN when n < 2 or the series is constant.
    public static func lag1Autocorrelation(_ x: [Double]) -> Double {
        guard x.count >= 2 else { return .nan }
        return x.withUnsafeBufferPointer { gsl_stats_lag1_autocorrelation($0.baseAddress, 1, $0.count) }
    }
}
