import ClusterModel
import Experiments
import Foundation
import SimKernel
import Testing

/// A DRS lab: `hosts` hosts of 16 × 2,000 MHz / 256 GB; only the first `onAtStart` are on when
/// VMs are placed, the rest are switched on right after, so the start is deliberately unbalanced.
struct DRSLab {
    let runtime: ClusterRuntime
    let recorder = CollectingRecorder()

    init(hosts: Int = 8, onAtStart: Int = 2, vms: Int = 60, threshold: Int = 3, seed: UInt64 = 1,
         profile: WorkloadProfile = ModelBuilder.defaultWorkload(cpuMean: 0.3, noiseSigma: 0.1, dirtyRateMbps: 100),
         duration: SimTime = .hours(12), configure: (inout ClusterConfig) -> Void = { _ in }) {
        var config = TestClusters.cluster(hosts: hosts, vms: (1...vms).map { TestClusters.vm(String(format: "vm-%04d", $0), memoryGB: 8) },
                                          workloads: [profile])
        config.drs.enabled = true
        config.drs.threshold = threshold
        for h in onAtStart..<hosts { config.hosts[h].initialState = .standby }
        configure(&config)
        runtime = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(seed: seed, duration: duration, checkInvariants: true), recorder: recorder)
        runtime.start()
        for h in onAtStart..<hosts where runtime.hosts.state[h] == .standby {
            runtime.changeHostState(h, to: .booting, reason: .manual)   // standby → booting → on, as the state machine goes
            runtime.changeHostState(h, to: .on, reason: .manual)
        }
    }
}

@Suite struct DRSTests {
    @Test func thlsdTableAndPriorityFormula() {
        #expect(abs(LoadMetrics.thlsd(threshold: 3, hosts: 8) - 0.0707) < 0.00005)
        let table: [(Int, Double, Double, Double)] = [(2, 0.212, 0.141, 0.071), (4, 0.150, 0.100, 0.050), (8, 0.106, 0.071, 0.035),
                                                      (16, 0.075, 0.050, 0.025), (32, 0.053, 0.035, 0.018), (64, 0.038, 0.025, 0.013)]
        for (n, t2, t3, t4) in table {
            #expect(abs(LoadMetrics.thlsd(threshold: 2, hosts: n) - t2) < 0.0006)
            #expect(abs(LoadMetrics.thlsd(threshold: 3, hosts: n) - t3) < 0.0006)
            #expect(abs(LoadMetrics.thlsd(threshold: 4, hosts: n) - t4) < 0.0006)
        }
        #expect(LoadMetrics.thlsd(threshold: 5, hosts: 8) == 0)
        #expect(LoadMetrics.priority(chlsd: 0.282, hosts: 2) == 2)        // 6 − ceil(3.99)
        #expect(LoadMetrics.priority(chlsd: 0.08, hosts: 8) == 3)         // 6 − ceil(2.26)
        #expect(LoadMetrics.priority(chlsd: 0.001, hosts: 8) == 5)
        #expect(LoadMetrics.priority(chlsd: 5, hosts: 8) == 2)
        // A move qualifies at threshold t exactly when CHLSD > THLSD(t, N).
        for t in 2...4 { for n in [2, 8, 32] {
            let thlsd = LoadMetrics.thlsd(threshold: t, hosts: n)
            #expect(LoadMetrics.priority(chlsd: thlsd * 1.001, hosts: n) <= t)
            #expect(LoadMetrics.priority(chlsd: thlsd * 0.999, hosts: n) > t)
        } }
    }

    @Test func unbalancedStartConvergesAtThreshold3() {
        let lab = DRSLab(threshold: 3)
        lab.runtime.advance(until: .hours(2))
        #expect(lab.runtime.violations.isEmpty, "\(lab.runtime.violations)")
        let passes = lab.recorder.drsPasses
        let firstBalanced = passes.firstIndex { $0.chlsdBefore <= $0.thlsd }
        #expect(firstBalanced != nil && firstBalanced! <= 8, "passes until balanced: \(String(describing: firstBalanced))")
        #expect(passes[0].chlsdBefore > 0.3)
        #expect(!lab.recorder.migrations.isEmpty)
        #expect(lab.recorder.migrations.allSatisfy { $0.outcome == .ok && $0.reason == .drsBalance })
    }

    @Test func threshold1MakesNoBalancingMove() {
        let lab = DRSLab(threshold: 1)
        lab.runtime.advance(until: .hours(6))
        #expect(lab.recorder.migrations.isEmpty)
        #expect(lab.recorder.drsPasses.count == 73)   // passes at 0, 5 min, … 6 h inclusive
        #expect(lab.recorder.drsPasses[3].chlsdBefore > 0.3)
    }

    @Test func manualAutomationOnlyRecommends() {
        let lab = DRSLab(threshold: 3) { $0.drs.automation = .manual }
        lab.runtime.advance(until: .hours(1))
        #expect(lab.recorder.migrations.isEmpty)
        #expect(lab.recorder.drsPasses[0].skippedAutomation > 0)
    }

    @Test func antiAffineVMsStopSharingAHostAfterTheFirstPass() {
        // Only host 0 is on at placement, so the three anti-affine VMs start together.
        let lab = DRSLab(hosts: 4, onAtStart: 1, vms: 20, threshold: 1) { c in
            c.rules = [RuleConfig(name: "apart", kind: .antiAffinity, vms: [0, 1, 2], hosts: [], mode: .must, relation: .runOn)]
        }
        #expect(Set([0, 1, 2].map { lab.runtime.vms.host[$0] }).count == 1)
        lab.runtime.advance(until: .minutes(5))   // first pass at t = 0 moves them; copies finish within minutes
        var t = SimTime.minutes(5)
        while t < .hours(12) {
            lab.runtime.advance(until: t)
            let hosts = [0, 1, 2].map { lab.runtime.vms.host[$0] }
            #expect(Set(hosts).count == 3, "at \(t): \(hosts)")
            t = t + .minutes(5)
        }
        #expect(lab.recorder.migrations.filter { $0.reason == .drsRule }.count == 2)
        #expect(lab.recorder.drsPasses[0].recommended[0] == 2)
    }

    @Test func mustRuleIsNeverBrokenEvenWhenItLeavesImbalance() throws {
        // 20 busy VMs must run on host 0; all 40 start there (the other hosts boot after placement).
        // DRS at threshold 5 moves the others away but never the pinned ones.
        let lab = DRSLab(hosts: 4, onAtStart: 1, vms: 40, threshold: 5) { c in
            c.rules = [RuleConfig(name: "pin", kind: .vmHost, vms: (0..<20).map { Int32($0) }, hosts: [0], mode: .must, relation: .runOn)]
        }
        var t = SimTime.zero
        while t < .hours(12) {
            lab.runtime.advance(until: t)
            for v in 0..<20 { #expect(lab.runtime.vms.host[v] == 0) }
            t = t + .minutes(5)
        }
        let last = try #require(lab.recorder.drsPasses.last)
        #expect(last.chlsdBefore > last.thlsd)
        // DRS did balance: it moved unpinned VMs (and only those) off the crowded host 0.
        let moves = lab.recorder.migrations.filter { $0.outcome == .ok && $0.reason == .drsBalance }
        #expect(moves.count >= 5, "DRS made \(moves.count) balancing moves")
        #expect(moves.contains { $0.source == lab.runtime.config.hosts[0].name })
        #expect(lab.recorder.migrations.allSatisfy { $0.vm > "vm-0020" })
    }

    @Test func fullDestinationIsNeverChosen() {
        // Host 2 can hold only one more VM's memory reservation; DRS wants to fill the empty hosts
        // but never plans a move the destination cannot take (no engine rejections, no over-reservation).
        let lab = DRSLab(hosts: 3, onAtStart: 1, vms: 30, threshold: 5) { c in
            c.hosts[2].memoryMB = 10 * 1024
            for v in c.vms.indices { c.vms[v].memoryReservationMB = c.vms[v].memoryMB }
        }
        lab.runtime.advance(until: .hours(12))
        #expect(lab.runtime.violations.isEmpty, "\(lab.runtime.violations)")
        #expect(lab.recorder.drsPasses.allSatisfy { $0.skippedRejected == 0 })
        // DRS did fill the host with room: the bound on host 2 is not met by doing nothing.
        #expect(lab.runtime.hosts.vmCount[1] >= 5, "host 1 holds \(lab.runtime.hosts.vmCount[1]) VMs")
        #expect(lab.runtime.hosts.vmCount[2] <= 1)
        #expect(lab.runtime.hosts.memoryReservedMB[2] <= lab.runtime.hosts.memoryCapacityMB[2])
    }

    @Test func demandHistoryWindows() {
        var h = DemandHistory(vms: 1, windows: [1, 3])
        for x in [1.0, 2, 3, 4] { h.push(cpuMHz: [x], memoryMB: [10 * x]) }
        #expect(h.mean(0, samples: 3).cpuMHz == 3)
        #expect(h.mean(0, samples: 1).memoryMB == 40)
        let e = h.meanPlusTwoSD(0, samples: 3)
        #expect(abs(e.cpuMHz - (3 + 2 * (2.0 / 3).squareRoot())) < 1e-12)
    }
}
