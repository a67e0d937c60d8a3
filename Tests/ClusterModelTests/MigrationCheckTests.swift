import ClusterModel
import SimKernel
import Testing

/// Every rejection reason of vMotion stage 1 (docs/model.md "vMotion"), each from a lab where the VM starts on
/// host 0 and host 1 is altered to break exactly one rule.
@Suite struct MigrationCheckTests {
    func lab(_ alter: @escaping (inout ClusterConfig) -> Void) -> MigrationLab {
        let lab = MigrationLab(hosts: 2, memoryGB: 8) { c in
            c.hosts[1].initialState = .standby
            c.vms[0].diskMB = 40 * 1024
            alter(&c)
        }
        if lab.runtime.hosts.state[1] == .standby {
            lab.runtime.changeHostState(1, to: .booting, reason: .manual)   // standby → booting → on, as the state machine goes
            lab.runtime.changeHostState(1, to: .on, reason: .manual)
        }
        return lab
    }

    func expectRejected(_ detail: MigrationDetail, _ alter: @escaping (inout ClusterConfig) -> Void) {
        let l = lab(alter)
        #expect(l.hostOf(0) == 0)
        #expect(l.runtime.requestMigration(vm: 0, to: 1, reason: .manual) == detail)
        l.run()
        #expect(l.recorder.migrations.count == 1)
        #expect(l.recorder.migrations[0].outcome == .rejected)
        #expect(l.recorder.migrations[0].detail == detail)
        #expect(l.hostOf(0) == 0)
    }

    @Test func cpuVendorMismatchIsNeverExecuted() {
        expectRejected(.cpuVendorMismatch) { $0.hosts[1].vendor = .amd }
    }
    @Test func cpuFeatureLevelAboveDestination() {
        expectRejected(.cpuFeatureLevel) { $0.hosts[1].generationRank = 5 }
    }
    @Test func evcBaselineAllowsOlderDestination() {
        let l = lab { c in c.hosts[1].generationRank = 5; c.evc = (.intel, 4) }
        #expect(l.runtime.requestMigration(vm: 0, to: 1, reason: .manual) == .none)
        l.run()
        #expect(l.recorder.migrations[0].outcome == .ok && l.hostOf(0) == 1)
    }
    @Test func networkLabelMissing() {
        expectRejected(.networkLabelMissing) { $0.hosts[1].networks = [1] }
    }
    @Test func datastoreNotShared() {
        expectRejected(.datastoreNotShared) { $0.hosts[1].datastores = [] }
    }
    @Test func sharedNothingNeedsVSphere51() {
        expectRejected(.sharedNothingUnsupported) { c in c.hosts[1].datastores = [1]; c.vsphereVersion = (5, 0) }
    }
    @Test func sharedNothingCopiesTheDiskFirst() {
        let l = lab { c in c.hosts[1].datastores = [1]; c.datastoreNames = ["a", "b"] }
        #expect(l.runtime.requestMigration(vm: 0, to: 1, reason: .manual) == .none)
        l.run()
        let r = l.recorder.migrations[0]
        #expect(r.outcome == .ok)
        #expect(abs(r.storageMB - 40 * 1024) < 1e-6)
        // Disk at the 4,000 Mbit/s storage copy rate, then 8 GiB of memory at 9,000 Mbit/s.
        let expected = 40 * 1024 * DataUnits.mbitPerMiB / 4_000 + 8 * 1024 * DataUnits.mbitPerMiB / 9_000 + 0.05
        #expect(abs(r.durationSeconds - expected) < 0.01)
        #expect(l.runtime.vms.datastore[0] == 1)
    }
    @Test func noVMotionVMkernelPort() {
        expectRejected(.noVMotionVMkernel) { $0.hosts[1].hasVMotionVMkernel = false }
    }
    @Test func licenseWithoutVMotion() {
        expectRejected(.license) { $0.license = .essentials }
    }
    @Test func insufficientMemory() {
        expectRejected(.insufficientMemory) { $0.hosts[1].memoryMB = 4 * 1024 }
    }
    @Test func destinationNotOn() {
        let l = lab { _ in }
        l.runtime.changeHostState(1, to: .standby, reason: .manual)
        #expect(l.runtime.requestMigration(vm: 0, to: 1, reason: .manual) == .destinationNotOn)
    }
    @Test func sameHostAndAlreadyMigratingAndNotRunning() {
        let l = lab { c in c.vms.append(TestClusters.vm("huge", memoryGB: 100_000)) }
        #expect(l.runtime.requestMigration(vm: 0, to: 0, reason: .manual) == .sameHost)
        #expect(l.runtime.requestMigration(vm: 0, to: 1, reason: .manual) == .none)
        #expect(l.runtime.requestMigration(vm: 0, to: 1, reason: .manual) == .alreadyMigrating)
        #expect(l.runtime.requestMigration(vm: 1, to: 1, reason: .manual) == .vmNotRunning)
        l.run()
        #expect(l.recorder.migrations.map(\.detail) == [.sameHost, .alreadyMigrating, .vmNotRunning, .none])
    }
    @Test func aManualMoveThatBreaksAMustRuleIsRejected() {
        expectRejected(.mustRule) { c in
            c.rules = [RuleConfig(name: "pin", kind: .vmHost, vms: [0], hosts: [0], mode: .must, relation: .runOn)]
        }
    }
}
