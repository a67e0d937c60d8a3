import ClusterModel
import Experiments
import Foundation
import SimKernel
import Stochastics
import Testing

/// Statistical and closed-form checks of the workload model (docs/model.md "Workload").
@Suite struct WorkloadTests {
    @Test func diurnalWeeklyMeanMatchesAnalyticMean() {
        // 4 whole weeks sampled every 5 minutes: the discrete cosine sums to exactly zero over a
        // day, so the sample mean equals mean × (5 + 2w)/7 up to rounding (tolerance 1e-9).
        let p = ModelBuilder.defaultWorkload(cpuMean: 0.3, diurnalAmplitude: 0.5, diurnalPeakHour: 14, weekendFactor: 0.6)
        let config = TestClusters.cluster(hosts: 1, vms: [TestClusters.vm("w-0001")], workloads: [p])
        var sum = 0.0, n = 0
        _ = TestClusters.run(config, settings: ModelBuilder.defaultSettings(duration: .days(28))) { rt, _ in
            sum += rt.vms.cpuDemandFraction[0]; n += 1
        }
        #expect(abs(sum / Double(n) - p.analyticMeanWithoutBursts) < 1e-9)
        #expect(abs(p.analyticMeanWithoutBursts - 0.3 * 6.2 / 7) < 1e-12)
    }

    @Test func noisyMeanStaysNearAnalyticMean() {
        // Log-normal noise has mean 1 by construction; 50 VMs × 28 days, tolerance 2 %.
        let p = ModelBuilder.defaultWorkload(cpuMean: 0.3, diurnalAmplitude: 0.5, weekendFactor: 0.6, noiseSigma: 0.2,
                                             noiseCorrelationTime: .minutes(30))
        let vms = (1...50).map { TestClusters.vm("n-\($0)") }
        let config = TestClusters.cluster(hosts: 8, vms: vms, workloads: [p])
        var sum = 0.0, n = 0
        _ = TestClusters.run(config, settings: ModelBuilder.defaultSettings(seed: 7, duration: .days(28))) { rt, _ in
            for v in 0..<50 { sum += rt.vms.cpuDemandFraction[v] }
            n += 50
        }
        let mean = sum / Double(n)
        #expect(abs(mean - p.analyticMeanWithoutBursts) / p.analyticMeanWithoutBursts < 0.02, "mean \(mean)")
    }

    @Test func ar1NoiseHasConfiguredLag1Correlation() {
        // log(noise) is σ·x − σ²/2 with x an AR(1) of φ = exp(−Δt/τ) = exp(−300/1800) ≈ 0.8465.
        let p = ModelBuilder.defaultWorkload(cpuMean: 0.2, noiseSigma: 0.3, noiseCorrelationTime: .minutes(30))
        let config = TestClusters.cluster(hosts: 1, vms: [TestClusters.vm("ar-0001")], workloads: [p])
        var logs: [Double] = []
        _ = TestClusters.run(config, settings: ModelBuilder.defaultSettings(seed: 3, duration: .days(120))) { rt, _ in
            logs.append(log(rt.vms.cpuDemandFraction[0] / 0.2))
        }
        let phi = exp(-300.0 / 1800.0)
        let r = Statistics.lag1Autocorrelation(logs)
        #expect(abs(r - phi) < 0.02, "lag-1 \(r) vs φ \(phi) over \(logs.count) samples")
    }

    @Test func burstsRaiseDemandByTheirFactorAtTheExpectedRate() {
        // 10 bursts/day of mean 30 min at factor 2: long-run share of time in a burst ≈
        // 1 − exp(−rate·Δt) per idle sample × mean length in samples; check the mean rises and stays < 2×.
        let base = ModelBuilder.defaultWorkload(cpuMean: 0.2)
        var bursty = base
        bursty.burstsPerDay = 10; bursty.burstFactor = 2; bursty.burstMeanDuration = .minutes(30)
        let config = TestClusters.cluster(hosts: 2, vms: [TestClusters.vm("b-0001")], workloads: [bursty])
        var inBurst = 0, n = 0
        _ = TestClusters.run(config, settings: ModelBuilder.defaultSettings(seed: 11, duration: .days(60))) { rt, _ in
            if rt.vms.cpuDemandFraction[0] > 0.3 { inBurst += 1 }
            n += 1
        }
        // Expected fraction: renewal process with idle gaps ~ Geometric(p) samples and bursts of
        // ceil(Exp(30 min)/5 min) samples; p = 1 − exp(−10·300/86400) ≈ 0.0341, mean burst ≈ 6.5 samples.
        let p = 1 - exp(-10.0 * 300 / 86_400)
        let meanBurst = 1 / (1 - exp(-300.0 / 1_800))   // E[ceil(Exp/Δ)] = 1/(1 − e^{−Δ/μ})
        let expected = meanBurst / (meanBurst + (1 - p) / p)
        let observed = Double(inBurst) / Double(n)
        #expect(abs(observed - expected) < 0.03, "burst share \(observed) vs \(expected)")
    }

    @Test func growthCompoundsMonthly() {
        let p = ModelBuilder.defaultWorkload(cpuMean: 0.2, growthPerMonth: 0.03)
        let config = TestClusters.cluster(hosts: 1, vms: [TestClusters.vm("g-0001")], workloads: [p])
        var at90 = 0.0
        _ = TestClusters.run(config, settings: ModelBuilder.defaultSettings(duration: .days(91))) { rt, t in
            if t == .days(90) { at90 = rt.vms.cpuDemandFraction[0] }
        }
        #expect(abs(at90 - 0.2 * pow(1.03, 3)) < 1e-12)
    }

    @Test func demandDependsOnlyOnSeedAndVMName() {
        // Common random numbers: adding a VM group, another host and enabling DRS settings leaves
        // web-0002's demand path unchanged.
        let p = ModelBuilder.defaultWorkload(cpuMean: 0.3, diurnalAmplitude: 0.4, noiseSigma: 0.25, burstsPerDay: 2, burstFactor: 1.5)
        let small = TestClusters.cluster(hosts: 2, vms: (1...3).map { TestClusters.vm("web-000\($0)") }, workloads: [p])
        var big = TestClusters.cluster(hosts: 4, vms: [TestClusters.vm("db-0001")] + (1...3).map { TestClusters.vm("web-000\($0)") }
                                       + [TestClusters.vm("db-0002")], workloads: [p])
        big.drs.threshold = 5
        let settings = ModelBuilder.defaultSettings(seed: 42, duration: .days(3))
        var a: [Double] = [], b: [Double] = []
        _ = TestClusters.run(small, settings: settings) { rt, _ in a.append(rt.vms.cpuDemandFraction[1]) }
        _ = TestClusters.run(big, settings: settings) { rt, _ in b.append(rt.vms.cpuDemandFraction[2]) }
        #expect(a == b)
        var other: [Double] = []
        _ = TestClusters.run(small, settings: ModelBuilder.defaultSettings(seed: 43, duration: .days(3))) { rt, _ in other.append(rt.vms.cpuDemandFraction[1]) }
        #expect(a != other)
    }
}
