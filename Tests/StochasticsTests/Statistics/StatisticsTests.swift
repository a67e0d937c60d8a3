import Testing
@testable import Stochastics

@Suite struct StatisticsTests {
    @Test func tQuantilesMatchTables() {
        #expect(abs(Statistics.tQuantile(0.975, degreesOfFreedom: 9) - 2.262) <= 0.0005)
        #expect(abs(Statistics.tQuantile(0.975, degreesOfFreedom: 1) - 12.706) <= 0.0005)
        #expect(abs(Statistics.tQuantile(0.975, degreesOfFreedom: 2) - 4.303) <= 0.0005)
        #expect(abs(Statistics.tQuantile(0.5, degreesOfFreedom: 5)) <= 1e-12)
        // With many degrees of freedom t approaches the normal quantile 1.95996.
        #expect(abs(Statistics.tQuantile(0.975, degreesOfFreedom: 1e7) - 1.95996) <= 0.0001)
    }

    @Test func meanAndStandardDeviationOfKnownArrays() {
        #expect(Statistics.mean([1, 2, 3, 4]) == 2.5)
        // Σ(x − 5)² = 32 over 8 values: sample variance 32/7.
        let x: [Double] = [2, 4, 4, 4, 5, 5, 7, 9]
        #expect(Statistics.mean(x) == 5)
        #expect(abs(Statistics.standardDeviation(x) - (32.0 / 7).squareRoot()) <= 1e-12)
    }

    @Test func degenerateInputsFollowTheDocumentedConventions() {
        #expect(Statistics.mean([]).isNaN)
        #expect(Statistics.standardDeviation([]) == 0)
        #expect(Statistics.standardDeviation([3]) == 0)
        #expect(Statistics.quantile([], 0.5).isNaN)
        #expect(Statistics.lag1Autocorrelation([1]).isNaN)
    }

    @Test func quantilesInterpolateBetweenOrderStatistics() {
        let sorted: [Double] = [1, 2, 3, 4, 5]
        #expect(Statistics.quantile(sorted: sorted, 0) == 1)
        #expect(Statistics.quantile(sorted: sorted, 0.25) == 2)
        #expect(Statistics.quantile(sorted: sorted, 0.5) == 3)
        #expect(abs(Statistics.quantile(sorted: sorted, 0.9) - 4.6) <= 1e-12)
        #expect(Statistics.quantile(sorted: sorted, 1) == 5)
        #expect(Statistics.quantile([5, 1, 4, 2, 3], 0.5) == 3)
        #expect(abs(Statistics.quantile([5, 1, 4, 2, 3], 0.9) - 4.6) <= 1e-12)
    }

    @Test func confidenceIntervalOfAKnownSample() {
        // 1…10: mean 5.5, sd 3.0276503540974917, t(0.975, 9) = 2.2621571627982053,
        // half-width = t × sd / √10 = 2.1658505896681692 (computed independently).
        let interval = Statistics.confidenceInterval((1...10).map(Double.init))
        #expect(interval.n == 10)
        #expect(interval.mean == 5.5)
        #expect(abs(interval.sd - 3.0276503540974917) <= 1e-12)
        #expect(abs(interval.halfWidth - 2.1658505896681692) <= 1e-9)
        #expect(abs(interval.low - (5.5 - 2.1658505896681692)) <= 1e-9)
        #expect(abs(interval.high - (5.5 + 2.1658505896681692)) <= 1e-9)
        #expect(interval.contains(5.5) && !interval.contains(8))
        #expect(interval.level == 0.95)
        let narrower = Statistics.confidenceInterval((1...10).map(Double.init), level: 0.9)
        #expect(narrower.halfWidth < interval.halfWidth)
    }

    @Test func confidenceIntervalOfTinySamples() {
        let single = Statistics.confidenceInterval([4])
        #expect(single.n == 1 && single.mean == 4 && single.sd == 0 && single.halfWidth == 0)
        let empty = Statistics.confidenceInterval([])
        #expect(empty.n == 0 && empty.mean.isNaN && empty.halfWidth == 0)
    }

    @Test func pairedIntervalOfIdenticalArraysIsExactlyZero() {
        let stream = RandomStream(seed: 5)
        let x = (0..<30).map { _ in stream.logNormal(mu: 2, sigma: 1) }
        let interval = Statistics.pairedDifferenceInterval(x, x)
        #expect(interval.n == 30)
        #expect(interval.mean == 0)
        #expect(interval.halfWidth == 0)
        #expect(interval.low == 0 && interval.high == 0)
    }

    @Test func pairedIntervalUsesDifferences() {
        // Differences [2, 3, 1]: mean 2, sd 1, half-width t(0.975, 2)/√3 = 4.302652729749464/√3.
        let interval = Statistics.pairedDifferenceInterval([3, 5, 4], [1, 2, 3])
        #expect(interval.mean == 2)
        #expect(interval.sd == 1)
        #expect(abs(interval.halfWidth - 4.302652729749464 / 3.0.squareRoot()) <= 1e-9)
    }

    @Test func lag1AutocorrelationOfAnAR1Process() {
        // x[t] = 0.8 x[t−1] + ε, ε ~ N(0, 1): lag-1 autocorrelation 0.8; tolerance ±0.02 at n = 100,000
        // (the estimator's sd is ≈ √((1 − φ²)/n) ≈ 0.002).
        let stream = RandomStream(master: 11, name: "ar1")
        var value = 0.0
        var series: [Double] = []
        series.reserveCapacity(100_000)
        for _ in 0..<100_000 {
            value = 0.8 * value + stream.normal()
            series.append(value)
        }
        #expect(abs(Statistics.lag1Autocorrelation(series) - 0.8) <= 0.02)
    }

    @Test func lag1AutocorrelationOfWhiteNoiseIsNearZero() {
        let stream = RandomStream(master: 11, name: "white")
        let series = (0..<100_000).map { _ in stream.normal() }
        #expect(abs(Statistics.lag1Autocorrelation(series)) <= 0.02)
    }
}
