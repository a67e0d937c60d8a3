import Testing
@testable import Stochastics

/// Moments over 200,000 draws, within 5 standard errors (see `SampleMoments`).
@Suite struct RandomStreamDiscreteTests {
    static let draws = 200_000

    @Test func poissonHasItsMeanAndVariance() {
        let lambda = 4.2
        let stream = RandomStream(master: 1, name: "poisson")
        let moments = SampleMoments((0..<Self.draws).map { _ in Double(stream.poisson(mean: lambda)) })
        moments.expectMean(lambda, trueSD: lambda.squareRoot())
        moments.expectVariance(lambda, fourthCentralMoment: lambda + 3 * lambda * lambda)
    }

    @Test func poissonWithZeroMeanIsZero() {
        let stream = RandomStream(seed: 1)
        #expect((0..<100).allSatisfy { _ in stream.poisson(mean: 0) == 0 })
    }

    @Test func bernoulliHasItsMean() {
        let stream = RandomStream(master: 1, name: "bernoulli")
        let moments = SampleMoments((0..<Self.draws).map { _ in stream.bernoulli(0.3) ? 1.0 : 0.0 })
        moments.expectMean(0.3, trueSD: (0.3 * 0.7).squareRoot())
    }

    @Test func bernoulliAtTheEndsIsCertain() {
        let stream = RandomStream(seed: 2)
        #expect((0..<1_000).allSatisfy { _ in !stream.bernoulli(0) })
        #expect((0..<1_000).allSatisfy { _ in stream.bernoulli(1) })
    }
}
