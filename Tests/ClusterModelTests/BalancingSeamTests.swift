import ClusterModel
import Experiments
import SimKernel
import Testing

/// A test-only balancing policy written against the public API alone: each pass, move the VM with
/// the most CPU entitlement on the most loaded host to the least loaded host that may take it.
struct HottestToCoolest: BalancingPolicy {
    var algorithm: BalancingAlgorithm { .classic }

    func plan(_ view: BalancingView) -> BalancingPlan {
        var plan = BalancingPlan()
        let snap = view.snapshot
        let on = snap.load.indices.filter { snap.participates[$0] }
        guard let hot = on.max(by: { snap.load[$0] < snap.load[$1] }),
              let cool = on.min(by: { snap.load[$0] < snap.load[$1] }), hot != cool else { return plan }
        plan.trigger = "hottest"
        let residents = snap.plannedHost.indices.filter { snap.plannedHost[$0] == Int32(hot) }
        plan.candidatesEvaluated = residents.count
        let movable = residents.filter { view.canMove($0, to: cool) }
        guard let vm = movable.max(by: { snap.cpuEntitlement[$0] < snap.cpuEntitlement[$1] }) else { return plan }
        plan.moves = [BalancingMove(vm: vm, destination: cool, priority: 2)]
        return plan
    }
}

/// The balancing seam in use: a caller's ``BalancingPolicy`` passed to the runtime drives vMotions
/// through the engine where the built-in algorithm, at the same settings, moves nothing.
@Suite struct BalancingSeamTests {
    /// 8 hosts, 2 on while 40 VMs are placed and the other 6 switched on right after; migration
    /// threshold 1 (classic DRS fixes rules only). Runs 2 hours.
    static func run(_ policy: (any BalancingPolicy)?) -> (ClusterRuntime, CollectingRecorder) {
        var config = TestClusters.cluster(hosts: 8, vms: (1...40).map { TestClusters.vm(String(format: "vm-%04d", $0)) },
                                          workloads: [ModelBuilder.defaultWorkload(cpuMean: 0.3, noiseSigma: 0.1, dirtyRateMbps: 100)])
        config.drs.enabled = true
        config.drs.threshold = 1
        for h in 2..<8 { config.hosts[h].initialState = .standby }
        let recorder = CollectingRecorder()
        let runtime = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(seed: 1, duration: .hours(2), checkInvariants: true),
                                     recorder: recorder, balancingPolicy: policy)
        runtime.start()
        for h in 2..<8 where runtime.hosts.state[h] == .standby {
            runtime.changeHostState(h, to: .booting, reason: .manual)
            runtime.changeHostState(h, to: .on, reason: .manual)
        }
        runtime.advance(until: .hours(2))
        return (runtime, recorder)
    }

    @Test func aCallersPolicyDrivesMigrationsThroughTheEngine() {
        let (classic, classicRecorder) = Self.run(nil)
        #expect(classic.violations.isEmpty, "\(classic.violations)")
        #expect(classicRecorder.migrations.isEmpty)   // threshold 1: the built-in algorithm only fixes rules

        let (runtime, recorder) = Self.run(HottestToCoolest())
        #expect(runtime.violations.isEmpty, "\(runtime.violations)")
        let passes = recorder.drsPasses
        #expect(passes.count == 24)   // every 5 min from 0 until 2 h
        #expect(passes.first?.trigger == "hottest")
        let moves = recorder.migrations.filter { $0.reason == .drsBalance && $0.outcome == .ok }
        #expect(moves.count >= 12, "\(moves.count) moves")
        // Every move leaves one of the two hosts the VMs started on for one switched on later
        // (hottest to coolest), one VM a pass, and is counted as applied in drs_passes.
        let initial = ["h0", "h1"]
        #expect(moves.allSatisfy { initial.contains($0.source) && !initial.contains($0.destination) })
        #expect(passes.reduce(0) { $0 + $1.applied } >= moves.count)
        #expect(passes.allSatisfy { $0.applied <= 1 })
        // The policy spread the load: the imbalance the pass saw fell.
        let first = passes.first?.chlsdBefore ?? 0, last = passes.last?.chlsdBefore ?? 1
        #expect(last < first / 2, "CHLSD \(first) → \(last)")
    }
}
