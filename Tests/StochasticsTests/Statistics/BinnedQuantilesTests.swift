import Testing
@testable import Stochastics

@Suite struct BinnedQuantilesTests {
    /// The type-1 empirical quantile x₍⌈p·n⌉₎ that the histogram's error bound refers to.
    static func orderStatistic(_ sorted: [Double], _ p: Double) -> Double {
        let rank = max(1, Int((p * Double(sorted.count)).rounded(.up)))
        return sorted[rank - 1]
    }

    @Test(arguments: UInt64(1)...20)
    func p95IsWithinOneBinOfTheExactQuantile(seed: UInt64) {
        // 8,640 samples (30 days at 5 min) of a skewed value in [0, 1), 200 bins of width 0.005.
        let stream = RandomStream(master: seed, name: "imbalance")
        let values = (0..<8_640).map { _ in min(stream.logNormal(mu: -2, sigma: 0.7), 0.999) }
        var histogram = BinnedQuantiles(lower: 0, upper: 1, bins: 200)
        values.forEach { histogram.add($0) }
        let sorted = values.sorted()
        for p in [0.05, 0.5, 0.95, 0.99] {
            let estimate = histogram.quantile(p)
            #expect(abs(estimate - Self.orderStatistic(sorted, p)) <= histogram.binWidth, "seed \(seed) p \(p)")
            // Dense data: also within one bin (plus a 1 % slack) of the interpolated quantile.
            #expect(abs(estimate - Statistics.quantile(sorted: sorted, p)) <= 1.01 * histogram.binWidth,
                    "seed \(seed) p \(p)")
        }
    }

    @Test func valuesOutsideTheRangeAreClampedAndCounted() {
        var histogram = BinnedQuantiles(lower: 0, upper: 10, bins: 10)
        histogram.add(-5)
        histogram.add(5)
        histogram.add(50)
        histogram.add(.infinity)
        histogram.add(.nan)
        #expect(histogram.count == 4)
        #expect(histogram.clampedCount == 3)
        #expect(histogram.nanCount == 1)
        #expect(histogram.quantile(0) >= 0 && histogram.quantile(0) <= 1)
        #expect(histogram.quantile(1) >= 9 && histogram.quantile(1) <= 10)
        #expect(abs(histogram.quantile(0.5) - 5) <= histogram.binWidth)
    }

    @Test func upperEdgeFallsInTheLastBin() {
        var histogram = BinnedQuantiles(lower: 0, upper: 1, bins: 4)
        histogram.add(1)
        #expect(histogram.clampedCount == 0)
        #expect(histogram.quantile(0.5) == 1)
    }

    @Test func emptyHistogramHasNoQuantile() {
        #expect(BinnedQuantiles(lower: 0, upper: 1, bins: 10).quantile(0.95).isNaN)
    }

    @Test func mergeEqualsAddingEverything() {
        let stream = RandomStream(master: 2, name: "merge")
        var whole = BinnedQuantiles(lower: 0, upper: 1, bins: 50)
        var left = whole
        var right = whole
        for index in 0..<1_000 {
            let value = stream.uniform()
            whole.add(value)
            if index.isMultiple(of: 3) { left.add(value) } else { right.add(value) }
        }
        left.merge(right)
        #expect(left == whole)
    }
}
