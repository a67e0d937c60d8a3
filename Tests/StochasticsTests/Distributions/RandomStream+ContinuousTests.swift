import Foundation
import Testing
@testable import Stochastics

/// Moments over 200,000 draws per distribution, within 5 standard errors (see `SampleMoments`).
@Suite struct RandomStreamContinuousTests {
    static let draws = 200_000

    @Test func normalHasItsMeanAndVariance() {
        let stream = RandomStream(master: 1, name: "normal")
        let moments = SampleMoments((0..<Self.draws).map { _ in stream.normal(mean: 3, sd: 2) })
        moments.expectMean(3, trueSD: 2)
        moments.expectVariance(4, fourthCentralMoment: 3 * 16)
    }

    @Test func standardNormalIsTheDefault() {
        let stream = RandomStream(master: 1, name: "standard-normal")
        let moments = SampleMoments((0..<Self.draws).map { _ in stream.normal() })
        moments.expectMean(0, trueSD: 1)
        moments.expectVariance(1, fourthCentralMoment: 3)
    }

    @Test func logNormalHasMeanExpMuPlusHalfSigmaSquared() {
        let mu = -0.5, sigma = 0.6
        let stream = RandomStream(master: 1, name: "lognormal")
        let draws = (0..<Self.draws).map { _ in stream.logNormal(mu: mu, sigma: sigma) }
        let variance = (exp(sigma * sigma) - 1) * exp(2 * mu + sigma * sigma)
        SampleMoments(draws).expectMean(exp(mu + sigma * sigma / 2), trueSD: variance.squareRoot())
        let logs = SampleMoments(draws.map { log($0) })
        logs.expectMean(mu, trueSD: sigma)
        logs.expectVariance(sigma * sigma, fourthCentralMoment: 3 * pow(sigma, 4))
    }

    @Test func exponentialHasItsMeanAndVariance() {
        let stream = RandomStream(master: 1, name: "exponential")
        let moments = SampleMoments((0..<Self.draws).map { _ in stream.exponential(mean: 2.5) })
        moments.expectMean(2.5, trueSD: 2.5)
        moments.expectVariance(6.25, fourthCentralMoment: 9 * pow(2.5, 4))
    }

    @Test func uniformHasItsMeanAndVariance() {
        let stream = RandomStream(master: 1, name: "uniform")
        let moments = SampleMoments((0..<Self.draws).map { _ in stream.uniform() })
        moments.expectMean(0.5, trueSD: (1.0 / 12).squareRoot())
        moments.expectVariance(1.0 / 12, fourthCentralMoment: 1.0 / 80)
    }

    @Test func uniformInARangeStaysInsideAndHasItsMean() {
        let stream = RandomStream(master: 1, name: "flat")
        let draws = (0..<Self.draws).map { _ in stream.uniform(low: -2, high: 6) }
        #expect(draws.allSatisfy { $0 >= -2 && $0 < 6 })
        SampleMoments(draws).expectMean(2, trueSD: 8 / 12.0.squareRoot())
    }

    @Test func gammaHasItsMeanAndVariance() {
        let shape = 2.5, scale = 1.5
        let stream = RandomStream(master: 1, name: "gamma")
        let moments = SampleMoments((0..<Self.draws).map { _ in stream.gamma(shape: shape, scale: scale) })
        moments.expectMean(shape * scale, trueSD: shape.squareRoot() * scale)
        moments.expectVariance(shape * scale * scale,
                               fourthCentralMoment: 3 * shape * (shape + 2) * pow(scale, 4))
    }

    @Test func weibullHasItsMean() {
        // Shape 2 (Rayleigh): mean = scale·√π/2, variance = scale²(1 − π/4).
        let stream = RandomStream(master: 1, name: "weibull")
        let moments = SampleMoments((0..<Self.draws).map { _ in stream.weibull(scale: 3, shape: 2) })
        moments.expectMean(3 * Double.pi.squareRoot() / 2, trueSD: 3 * (1 - Double.pi / 4).squareRoot())
    }
}
