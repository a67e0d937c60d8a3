@testable import ClusterModel
import Experiments
import SimKernel
import Testing

/// Each rule of the invariant checker fires on the breakage it exists for, naming the time, the
/// entity and the rule — so that a clean property run means something.
@Suite struct InvariantRuleTests {
    /// Two 16-core hosts, four 8 GB VMs on a steady 30 % load, checks on, started.
    static func runtime(hours: Int64 = 12) -> ClusterRuntime {
        let hosts = (0..<2).map { i in
            ModelBuilder.defaultHost(name: "h\(i)", vendor: .intel, generationRank: 10, sockets: 1, coresPerSocket: 16, coreMHz: 2_000,
                                     memoryMB: 64 * 1_024, datastores: [0], networks: [0],
                                     power: .linear(idleW: 100, maxW: 300))
        }
        let vms = (0..<4).map { ModelBuilder.defaultVM(name: "vm\($0)", vcpus: 2, vcpuMHz: 2_000, memoryMB: 8 * 1_024, workload: 0) }
        var config = PropertyDefaults.cluster(name: "c", hosts: hosts, vms: vms, workloads: [ModelBuilder.defaultWorkload(cpuMean: 0.3)])
        config.drs.enabled = false
        let rt = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(duration: .hours(hours), checkInvariants: true),
                                recorder: CollectingRecorder())
        rt.start()
        return rt
    }

    @Test func aCleanRunHasNoViolations() {
        let rt = Self.runtime()
        rt.advance(until: .hours(12))
        #expect(rt.violations.isEmpty)
        #expect(rt.invariantViolations().isEmpty)
    }

    @Test func memoryLedgerAndCapacity() {
        let rt = Self.runtime()
        rt.state.hosts.memoryReservedMB[1] += 100 * 1_024
        let found = rt.invariantViolations()
        #expect(found.contains { $0.hasPrefix("t=00:00:00.000000 [memory-ledger] host h1: ledger ") })
        rt.state.hosts.memoryReservedMB[1] -= 100 * 1_024
        #expect(rt.invariantViolations().isEmpty)
    }

    @Test func vmPlacementAndCount() {
        let rt = Self.runtime()
        let h = Int(rt.vms.host[0])
        rt.state.vms.host[0] = noIndex
        let found = rt.invariantViolations()
        #expect(found.contains("t=00:00:00.000000 [vm-placement] VM vm0: down without a reason"))
        #expect(found.contains { $0.hasPrefix("t=00:00:00.000000 [vm-count] host h\(h): VM count ") })
    }

    @Test func forbiddenHostTransitionIsNamed() {
        let rt = Self.runtime()
        rt.advance(until: .hours(1))
        rt.changeHostState(1, to: .shuttingDown, reason: .manual)
        let found = rt.invariantViolations()
        #expect(found.contains("t=01:00:00.000000 [host-transition] host h1: on → shutting_down is not an allowed transition"))
    }

    @Test func migrationAccounting() {
        let rt = Self.runtime()
        rt.engine.stats.requests += 1
        #expect(rt.invariantViolations().contains(
            "t=00:00:00.000000 [migration-accounting] cluster c: 1 requests ≠ 0 outcomes + 0 in flight"))
    }

    @Test func migrationIntoAHostThatLeftOn() throws {
        let rt = Self.runtime()
        let v = try #require((0..<4).first { rt.vms.host[$0] == 0 })
        #expect(rt.requestMigration(vm: v, to: 1, reason: .manual) == .none)
        #expect(rt.invariantViolations().isEmpty)
        rt.state.hosts.state[1] = .standby   // behind the engine's back: the migration is not aborted
        let found = rt.invariantViolations()
        #expect(found.contains("t=00:00:00.000000 [migration-compatible] VM vm\(v): migration h0 → h1 into a host in state standby"))
    }

    @Test func meterDrawAndEnergyAudit() {
        let rt = Self.runtime()
        rt.advance(until: .hours(1))
        #expect(rt.invariantViolations().isEmpty)
        // A draw the host's state does not explain, and a running total the meter forgets to refresh.
        rt.energy.setPower(0, watts: 999, at: .hours(1))
        #expect(rt.invariantViolations().contains { $0.hasPrefix("t=01:00:00.000000 [host-power] host h0: meter draws 999.0 W") })
        rt.advance(until: .hours(1) + .minutes(5))   // the next sample resets both, but the stale total was integrated
        #expect(rt.violations.contains { $0.hasPrefix("t=01:05:00.000000 [energy-audit] cluster c: metered ") })
    }

    @Test func theRunStopsAtTheFirstBrokenEvent() {
        let rt = Self.runtime()
        rt.state.hosts.memoryReservedMB[0] += 1
        rt.advance(until: .hours(12))
        #expect(rt.simulation.now == .zero)
        #expect(rt.violations.contains { $0.hasPrefix("t=00:00:00.000000 [memory-ledger] host h0") })
    }

    @Test func stateMachineTable() {
        let allowed: [(HostPowerState, HostPowerState)] = [
            (.on, .enteringStandby), (.enteringStandby, .shuttingDown), (.shuttingDown, .standby), (.standby, .booting),
            (.booting, .on), (.on, .enteringMaintenance), (.enteringMaintenance, .maintenance), (.maintenance, .on),
            (.maintenance, .booting), (.enteringStandby, .on), (.enteringMaintenance, .on), (.failed, .booting),
        ]
        for from in HostPowerState.allCases {
            for to in HostPowerState.allCases {
                let expected = to == .failed ? from != .failed : allowed.contains { $0 == (from, to) }
                #expect(from.canMove(to: to) == expected, "\(from.csvName) → \(to.csvName)")
            }
        }
    }
}
