@testable import ClusterModel
import Experiments
import SimKernel
import Testing

/// Host lifecycle's decisions on their own, without running events: rolling window progression,
/// the maintenance state machine and its records, the HA restart choice and the evacuation plan
/// (docs/model.md, Maintenance, patching, failures, HA; HA admission control and restarts).
@Suite struct HostLifecycleTests {
    static func config(hosts: Int, vms: [VMConfig], configure: (inout ClusterConfig) -> Void = { _ in }) -> ClusterConfig {
        var c = TestClusters.cluster(hosts: hosts, vms: vms,
                                     workloads: [ModelBuilder.defaultWorkload(cpuMean: 0.2, dirtyRateMbps: 200, wwsFraction: 0.3)])
        configure(&c)
        return c
    }

    static func vm(_ name: String, memoryGB: Double = 16, reservedGB: Double = 0) -> VMConfig {
        var vm = TestClusters.vm(name, memoryGB: memoryGB)
        vm.memoryReservationMB = reservedGB * 1024
        return vm
    }

    /// A runtime whose VMs are placed by hand (`placement[v]`, -1: down), no event run.
    static func runtime(_ config: ClusterConfig, placement: [Int]) -> ClusterRuntime {
        let rt = ClusterRuntime(config: config, settings: ModelBuilder.defaultSettings(duration: .hours(4)), recorder: CollectingRecorder())
        for (v, h) in placement.enumerated() where h >= 0 {
            rt.state.place(v, on: h, featureRank: Int16(config.hosts[h].generationRank))
        }
        return rt
    }

    @Test func aWindowTakesTwoHostsAtOnceSkipsTheFailedOneAndWaitsForABootingOne() throws {
        let window = MaintenanceWindowConfig(start: .hours(1), hostsAtOnce: 2, patchTime: .minutes(30), hosts: [0, 1, 2, 3, 4])
        var life = HostLifecycle(Self.config(hosts: 5, vms: [Self.vm("a")]) { $0.maintenanceWindows = [window] }, seed: 1)
        var states: [HostPowerState] = [.on, .failed, .on, .on, .on]
        func launch() -> [Int] {
            var started: [Int] = []
            while let h = life.nextWindowHost(0, window, states: states) {
                started.append(h)
                states[h] = .enteringMaintenance
                #expect(life.enterMaintenance(h, in: .on, purpose: .patch, duration: .zero, window: 0, host: "h\(h)", now: .hours(1)) != nil)
            }
            return started
        }
        life.startWindow(0, at: .hours(1))
        #expect(life.activeWindows == 1)
        #expect(launch() == [0, 2])   // host 1 failed: skipped; two in flight
        #expect(life.finishWindowIfDone(0, window, at: .hours(1)) == nil)
        states[0] = .on
        #expect(life.releaseWindowSlot(0) == 0)
        #expect(launch() == [3])
        states[4] = .booting   // woken for the window: it holds the window until it is on
        states[2] = .on
        #expect(life.releaseWindowSlot(2) == 0)
        #expect(launch().isEmpty)
        #expect(life.windowIsIdle(0) == false)   // host 3 is still in flight
        states[4] = .on
        #expect(launch() == [4])
        for h in [3, 4] { states[h] = .on; #expect(life.releaseWindowSlot(h) == 0) }
        #expect(life.releaseWindowSlot(3) == nil)   // already released
        #expect(launch().isEmpty)
        let finished = life.finishWindowIfDone(0, window, at: .hours(3))
        let done = try #require(finished)
        #expect(done.started == .hours(1) && done.finished == .hours(3) && done.next == 5 && done.inFlight == 0)
        #expect(life.activeWindows == 0)
        #expect(life.finishWindowIfDone(0, window, at: .hours(4)) == nil)   // finished once
    }

    @Test func aStuckHostStopsItsWindowAndAPatchedHostCounts() throws {
        let window = MaintenanceWindowConfig(start: .zero, hostsAtOnce: 1, patchTime: .minutes(30), hosts: [0, 1, 2])
        var life = HostLifecycle(Self.config(hosts: 3, vms: [Self.vm("a")]) { $0.maintenanceWindows = [window] }, seed: 1)
        life.startWindow(0, at: .zero)
        let states: [HostPowerState] = [.on, .on, .on]
        // Host 0: evacuated, patched, rebooted, on.
        #expect(life.nextWindowHost(0, window, states: states) == 0)
        #expect(life.enterMaintenance(0, in: .on, purpose: .patch, duration: .zero, window: 0, host: "h0", now: .zero)
                == HostTransition(to: .enteringMaintenance, reason: .maintenance))
        #expect(life.evacuationDone(0, in: .enteringMaintenance, now: .minutes(2), shutdownTime: .minutes(1), windows: [window])
                == HostTransition(to: .maintenance, reason: .maintenance, timer: .minutes(30)))
        #expect(life.timerFired(0, in: .maintenance, now: .minutes(32), bootTime: .minutes(5))
                == .transition(HostTransition(to: .booting, reason: .maintenance, timer: .minutes(5))))
        #expect(life.timerFired(0, in: .booting, now: .minutes(37), bootTime: .minutes(5))
                == .transition(HostTransition(to: .on, reason: .maintenance)))
        let (record, wasRepair) = life.cameOn(0, now: .minutes(37))
        let r = try #require(record)
        #expect(r.status == "done" && r.evacuationEnd == .minutes(2) && r.patchDone == .minutes(32) && r.backOn == .minutes(37) && !wasRepair)
        #expect(life.windows[0].patched == 1)
        #expect(life.releaseWindowSlot(0) == 0)
        // Host 1: a VM cannot leave; the host goes back on and the window stops there.
        #expect(life.nextWindowHost(0, window, states: states) == 1)
        _ = life.enterMaintenance(1, in: .on, purpose: .patch, duration: .zero, window: 0, host: "h1", now: .hours(1))
        let (stuck, back) = life.evacuationStuck(1, in: .enteringMaintenance, now: .hours(2))
        #expect(stuck?.status == "stuck" && stuck?.backOn == .hours(2) && back == HostTransition(to: .on, reason: .maintenance))
        #expect(life.releaseWindowSlot(1) == 0)
        #expect(life.nextWindowHost(0, window, states: states) == nil)   // host 2 is never taken
        let finished = life.finishWindowIfDone(0, window, at: .hours(2))
        let done = try #require(finished)
        #expect(done.stopped && done.patched == 1 && done.next == 2)
        #expect(life.openMaintenanceRecords().isEmpty)
    }

    @Test func haRestartPrefersTheFailoverHostThenTheFreestAndRespectsRestartSlots() {
        // Host 2 is the dedicated failover host, a quarter reserved; host 0 is empty; host 1 holds three VMs.
        let vms = [Self.vm("a", reservedGB: 32), Self.vm("b", reservedGB: 32), Self.vm("c", reservedGB: 32),
                   Self.vm("d", reservedGB: 64)] + (1...4).map { Self.vm("down-\($0)") } + [Self.vm("huge", memoryGB: 512)]
        let c = Self.config(hosts: 3, vms: vms) { c in
            c.ha.enabled = true
            c.ha.admissionPolicy = .failoverHosts
            c.ha.failoverHosts = [2]
            c.ha.maxConcurrentRestartsPerHost = 1
        }
        let rt = Self.runtime(c, placement: [1, 1, 1, 2, -1, -1, -1, -1, -1])
        let t = SimTime.hours(1)
        func choose(_ v: Int, at now: SimTime, ha: HAConfig = c.ha) -> RestartChoice {
            rt.lifecycle.chooseRestartHost(v, in: rt.state, vmotion: rt.vmotion, rules: rt.rules,
                                           ha: HAAdmissionControl(ha, hosts: c.hosts.count), now: now)
        }
        var percentage = c.ha
        percentage.admissionPolicy = .clusterResourcePercentage
        #expect(choose(4, at: t - .minutes(1), ha: percentage) == .host(0))   // no failover hosts: the freest host
        #expect(choose(4, at: t) == .host(2))   // the failover host first, though fuller than host 0
        #expect(choose(5, at: t) == .host(0))   // its one slot is taken: then the freest
        #expect(choose(6, at: t) == .host(1))
        #expect(choose(7, at: t + .seconds(5)) == .retry(at: t + HostLifecycle.restartSlotTime))   // every slot busy
        #expect(choose(7, at: t + HostLifecycle.restartSlotTime) == .host(2))
        #expect(choose(8, at: t + .hours(1)) == .wait)   // larger than any host
    }

    @Test func anEvacuationPlanLeavesAMustBoundVMHomelessAndCountsOnlyAcceptedMoves() {
        // VMs 0 and 1 reserve 4 GB, VM 2 8 GB, all on host 0; VM 0 must run on host 0.
        let c = Self.config(hosts: 3, vms: [Self.vm("pinned", reservedGB: 4), Self.vm("small", reservedGB: 4), Self.vm("large", reservedGB: 8)]) { c in
            c.rules = [RuleConfig(name: "pin", kind: .vmHost, vms: [0], hosts: [0], mode: .must, relation: .runOn)]
        }
        let rt = Self.runtime(c, placement: [0, 0, 0])
        func plan(accepting accept: Bool) -> (moves: [[Int]], homeless: [Int]) {
            let snapshot = BalanceSnapshot(plannedHost: rt.vms.host, cpuEntitlement: [1000, 1000, 1000], memoryEntitlement: [4096, 4096, 8192],
                                           footprintMB: rt.vms.footprintMB, cpuCapacity: rt.hosts.cpuCapacityMHz,
                                           memoryCapacity: rt.hosts.memoryCapacityMB, participates: [true, true, true])
            var p = EvacuationPlan(source: 0, snapshot: snapshot, compatibility: rt.compatibilityView(), vms: rt.vms)
            var moves: [[Int]] = []
            while let m = p.nextMove(rules: rt.rules, admits: { rt.state.admitsReservations($0, on: $1) }) {
                moves.append([m.vm, m.destination])
                p.submitted(m, accepted: accept || moves.count > 1)   // without `accept`, the first move is rejected
            }
            return (moves, p.homeless)
        }
        // Largest first: VM 2 to host 1 (tie to the lower index); VM 0 has nowhere to go; VM 1 then
        // goes where the accepted move left more room.
        let accepted = plan(accepting: true)
        #expect(accepted.moves == [[2, 1], [1, 2]])
        #expect(accepted.homeless == [0])
        let rejected = plan(accepting: false)
        #expect(rejected.moves == [[2, 1], [1, 1]])   // the rejected move did not fill host 1
        #expect(rejected.homeless == [2, 0])
    }
}
