import Testing
@testable import Stochastics

@Suite struct RunningStatisticsTests {
    @Test func matchesBatchStatistics() {
        let stream = RandomStream(master: 4, name: "running")
        let values = (0..<10_000).map { _ in stream.logNormal(mu: 3, sigma: 0.8) }
        var running = RunningStatistics()
        values.forEach { running.add($0) }
        #expect(running.count == values.count)
        #expect(abs(running.mean - Statistics.mean(values)) <= 1e-9 * Statistics.mean(values))
        let sd = Statistics.standardDeviation(values)
        #expect(abs(running.standardDeviation - sd) <= 1e-9 * sd)
        #expect(abs(running.variance - sd * sd) <= 1e-9 * sd * sd)
        #expect(running.min == values.min())
        #expect(running.max == values.max())
        #expect(abs(running.sum - values.reduce(0, +)) <= 1e-9 * running.sum)
    }

    @Test func emptyAndSingleValueConventions() {
        var running = RunningStatistics()
        #expect(running.count == 0 && running.sum == 0)
        #expect(running.mean.isNaN && running.min.isNaN && running.max.isNaN)
        #expect(running.variance == 0)
        running.add(7)
        #expect(running.mean == 7 && running.min == 7 && running.max == 7)
        #expect(running.variance == 0 && running.standardDeviation == 0)
    }

    @Test func mergeEqualsAddingEverything() {
        let stream = RandomStream(master: 4, name: "merge")
        let values = (0..<1_000).map { _ in stream.normal(mean: 10, sd: 3) }
        var whole = RunningStatistics()
        var left = RunningStatistics()
        var right = RunningStatistics()
        for (index, value) in values.enumerated() {
            whole.add(value)
            if index < 300 { left.add(value) } else { right.add(value) }
        }
        var merged = left
        merged.merge(right)
        #expect(merged.count == whole.count)
        #expect(abs(merged.mean - whole.mean) <= 1e-12 * abs(whole.mean))
        #expect(abs(merged.variance - whole.variance) <= 1e-9 * whole.variance)
        #expect(merged.min == whole.min && merged.max == whole.max)
        var fromEmpty = RunningStatistics()
        fromEmpty.merge(whole)
        #expect(fromEmpty == whole)
        var withEmpty = whole
        withEmpty.merge(RunningStatistics())
        #expect(withEmpty == whole)
    }
}
