import Foundation
import SimKernel
import Testing
@testable import ClusterModel
import Experiments
import Scenarios

/// Score DRS (vSphere 7+): the algorithm chosen by version, the score model's closed forms,
/// one-minute passes, bucket sums and moves off contended hosts.
@Suite struct ScoreDRSTests {
    @Test func algorithmFollowsVersionUnlessOverridden() {
        var drs = ModelBuilder.drsConfig(DRSSpec())
        #expect(drs.balancingAlgorithm(version: (6, 7)) == .classic)
        #expect(drs.balancingAlgorithm(version: (7, 0)) == .score)
        #expect(drs.balancingAlgorithm(version: (8, 0)) == .score)
        drs.algorithm = .classic
        #expect(drs.balancingAlgorithm(version: (8, 0)) == .classic)
        drs.algorithm = .score
        #expect(drs.balancingAlgorithm(version: (6, 5)) == .score)
    }

    @Test func readyFractionMatchesQueueingClosedForms() {
        // M/M/1: C(1, a) = a, W = a/(1 − a), ready = W/(1 + W) = a.
        for a in [0.1, 0.5, 0.9] { #expect(abs(VMScoreModel.readyFraction(cores: 1, load: a) - a) < 1e-12) }
        // M/M/2 at a = 1: B = 1/5, C = 1/3, W = 1/3, ready = 1/4.
        #expect(abs(VMScoreModel.readyFraction(cores: 2, load: 1) - 0.25) < 1e-12)
        // More cores at the same utilization wait less; more load waits more.
        #expect(VMScoreModel.readyFraction(cores: 32, load: 24) < VMScoreModel.readyFraction(cores: 8, load: 6))
        #expect(VMScoreModel.readyFraction(cores: 16, load: 14) > VMScoreModel.readyFraction(cores: 16, load: 12))
        // Saturation: the ready estimate stops at 98 % of the cores; the unmet fraction takes over
        // once larger (demand 4× capacity: 3/4 unmet).
        let capped = VMScoreModel.readyFraction(cores: 16, load: 0.98 * 16)
        #expect(VMScoreModel.cpuContention(demandMHz: 64_000, cores: 16, coreMHz: 2_000) == max(0.5, capped))
        #expect(abs(VMScoreModel.cpuContention(demandMHz: 128_000, cores: 16, coreMHz: 2_000) - max(0.75, capped)) < 1e-12)
        #expect(VMScoreModel.cpuContention(demandMHz: 0, cores: 16, coreMHz: 2_000) == 0)
    }

    @Test func scoresBucketsAndLookback() {
        #expect(VMScoreModel.score(cpuContention: 0.1, memoryContention: 0.5) == 45)
        #expect([0.0, 19.99, 20, 59.9, 80, 100].map(VMScoreModel.bucket) == [0, 0, 1, 2, 4, 4])
        #expect(VMScoreModel.priority(gain: 25) == 2 && VMScoreModel.priority(gain: 10) == 3)
        #expect(VMScoreModel.priority(gain: 4.9) == 5 && VMScoreModel.priority(gain: 1) == nil)
        // 15/15/15/10/5 min up to 4 GB, 40/40/40/20/10 above, in 5-minute samples (rounded up).
        let five = SimTime.minutes(5)
        #expect((1...5).map { ScoreLookback.samples(threshold: $0, memoryMB: 4_096, interval: five) } == [3, 3, 3, 2, 1])
        #expect((1...5).map { ScoreLookback.samples(threshold: $0, memoryMB: 8_192, interval: five) } == [8, 8, 8, 4, 2])
        #expect(ScoreLookback.samples(threshold: 5, memoryMB: 1_024, interval: .minutes(1)) == 5)
    }

    /// 60 VMs start on 2 of 8 hosts (saturated: demand 72 GHz on 64 GHz): score DRS passes every
    /// minute, every running VM is in one bucket, and the moves lift the cluster score.
    @Test func passesEveryMinuteAndSpreadAContendedStart() throws {
        let lab = DRSLab(threshold: 3, duration: .hours(2)) { $0.drs.algorithm = .score }
        lab.runtime.advance(until: .hours(1))
        #expect(lab.runtime.violations.isEmpty, "\(lab.runtime.violations)")
        let passes = lab.recorder.drsPasses
        #expect(passes.count == 61)
        #expect(passes.map(\.time) == (0...60).map { SimTime.minutes(Int64($0)) })
        #expect(passes.allSatisfy { $0.algorithm == .score })
        for p in passes {
            let buckets = try #require(p.scoreBuckets)
            #expect(buckets.reduce(0, +) == 60, "buckets at \(p.time.seconds) s: \(buckets)")
        }
        let first = try #require(passes.first?.clusterScore), last = try #require(passes.last?.clusterScore)
        #expect(first < 70, "score of the contended start: \(first)")
        #expect(last > 90 && last - first > 25, "score from \(first) to \(last) after an hour")
        #expect(passes.reduce(0) { $0 + $1.applied } >= 10)
        #expect(lab.runtime.summary.drsScorePasses == 61)
    }

    /// Threshold 1 makes no balancing moves (mandatory only), even from a contended start.
    @Test func threshold1MakesNoBalancingMoves() {
        let lab = DRSLab(threshold: 1, duration: .hours(1)) { $0.drs.algorithm = .score }
        lab.runtime.advance(until: .minutes(30))
        let passes = lab.recorder.drsPasses
        #expect(passes.count == 31)
        #expect(passes.allSatisfy { $0.applied == 0 && $0.recommended[1...].allSatisfy { $0 == 0 } })
    }
}

/// Memory contention reaches the score through the view's `memoryContentionMB` (the memory
/// model's, `ClusterRuntime.memoryContentionMB()`). Given contention on one host of a
/// CPU-balanced cluster, the policy moves VMs off it until the host's overflow no longer costs
/// the threshold's bar.
@Suite struct ScoreMemoryContentionTests {
    @Test func memoryContentionOnOneHostMovesVMsOffItWhenCPUIsBalanced() throws {
        var config = TestClusters.cluster(hosts: 4, vms: (1...40).map { TestClusters.vm(String(format: "vm-%02d", $0)) },
                                          workloads: [ModelBuilder.defaultWorkload(cpuMean: 0.3, noiseSigma: 0)])
        config.drs.threshold = 3
        let rt = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(seed: 1, duration: .hours(1)), recorder: CollectingRecorder())
        rt.start()
        rt.advance(until: .zero)
        let base = rt.makeBalancingView(excluding: [])
        // Placement spread the 40 identical VMs 10 per host: CPU is balanced (4 × 12,000 of 32,000 MHz).
        let perHost = (0..<4).map { h in base.currentHost.filter { $0 == Int32(h) }.count }
        #expect(perHost == [10, 10, 10, 10])
        #expect(rt.memoryContentionMB().allSatisfy { $0 == 0 })
        #expect(ScoreBalancer().plan(base).moves.isEmpty)
        // 30 % of the active memory of host 0's VMs not resident: their score falls to ~70.
        let contention = (0..<40).map { base.currentHost[$0] == 0 ? 0.3 * base.activeMemoryMB[$0] : 0 }
        let view = BalancingView(snapshot: base.snapshot, compatibility: base.compatibility, rules: base.rules, migrating: base.migrating,
                                 threshold: 3, moveCapPerHost: 8, hostCores: base.hostCores, coreMHz: base.coreMHz,
                                 activeMemoryMB: base.activeMemoryMB, memoryContentionMB: contention,
                                 lookbackSeconds: base.lookbackSeconds, migrationCost: base.migrationCost,
                                 currentHost: base.currentHost, currentCPUMHz: base.currentCPUMHz)
        let plan = ScoreBalancer().plan(view)
        let scores = plan.scores.filter { !$0.isNaN }
        #expect(scores.count == 40)
        #expect(scores.filter { $0 < 71 }.count == 10 && scores.filter { $0 > 99 }.count == 30, "scores: \(scores)")
        // Host 0: 20 GB active, 6 GB of it not resident (14 GB resident capacity). The first move
        // (score 70 → 100, priority 2) leaves 4 GB of overflow (the others at 80), the second
        // (80 → 100 less its cost: priority 3) 2 GB (the others at 90), and a third would gain
        // 10 points less its cost: under MT3's bar. Two moves, both off host 0.
        #expect(plan.moves.count == 2, "moves: \(plan.moves)")
        #expect(plan.moves.allSatisfy { base.currentHost[$0.vm] == 0 && $0.destination != 0 })
        #expect(plan.moves.map(\.priority) == [2, 3])
    }
}

/// With the memory model: memory contention on two hosts, no CPU contention anywhere (5 % CPU):
/// score DRS moves VMs off the contended hosts; the same cluster without contention makes no move.
@Suite struct ScoreMemoryModelTests {
    /// 40 VMs of 8 GB start on 2 of 4 hosts of 128 GB (160 GB configured per host), threshold 4
    /// (a move must gain 5 points); `active` is their active fraction.
    func lab(active: Double) -> DRSLab {
        DRSLab(hosts: 4, onAtStart: 2, vms: 40, threshold: 4,
               profile: ModelBuilder.defaultWorkload(cpuMean: 0.05, activeFraction: active, consumedFraction: 0.95, dirtyRateMbps: 50),
               duration: .hours(1)) { config in
            config.drs.algorithm = .score
            for h in config.hosts.indices { config.hosts[h].memoryMB = 128 * 1024 }
        }
    }

    @Test func memoryContentionOnHostsMovesVMsOffThemWhenCPUIsNotContended() throws {
        // 20 VMs × 7.2 GB active on each 128 GB host: ~11 GB per host not resident at the start.
        let contended = lab(active: 0.9)
        contended.runtime.advance(until: .zero)   // the first sample: the memory model's state
        let before = contended.runtime.memoryContentionMB().reduce(0, +)
        #expect(before > 10_000, "contention at start: \(before) MB")   // 144 GB active per 128 GB host
        contended.runtime.advance(until: .minutes(30))
        #expect(contended.runtime.violations.isEmpty, "\(contended.runtime.violations)")
        let passes = contended.recorder.drsPasses
        let first = try #require(passes.first?.clusterScore), last = try #require(passes.last?.clusterScore)
        let moved = passes.reduce(0) { $0 + $1.applied }
        let after = contended.runtime.memoryContentionMB().reduce(0, +)
        // Figures (seed 1): 22.9 GB → 8.8 GB of contention, cluster score 92.2 → 97.0, 2 moves (one
        // per contended host): what is left costs each VM less than MT4's 5 points.
        #expect(moved >= 2, "moves: \(moved)")
        #expect(after < before / 2, "contention \(before) → \(after) MB")
        #expect(last > first + 4, "cluster score \(first) → \(last)")
        #expect((2..<4).contains { h in contended.runtime.vms.host.contains(Int32(h)) })
        print("memory contention: \(Int(before)) → \(Int(after)) MB, cluster score \(first) → \(last), \(moved) moves")

        let calm = lab(active: 0.3)
        calm.runtime.advance(until: .zero)
        #expect(calm.runtime.memoryContentionMB().allSatisfy { $0 == 0 })
        calm.runtime.advance(until: .minutes(30))
        #expect(calm.recorder.drsPasses.reduce(0) { $0 + $1.applied } == 0)
    }
}
