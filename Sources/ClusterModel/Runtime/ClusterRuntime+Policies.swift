import SimKernel

/// The policies in the runtime (docs/architecture.md): every DRS and DPM pass builds a read-only
/// ``ClusterView`` once, lets the policy plan on its view (``BalancingView`` for DRS,
/// ``PowerView`` for DPM), applies the recommendations by automation level and records the pass.
/// Decisions live in the policies (`Balancing/`, `Power/`) and in ``HAAdmissionControl``; this
/// file only builds inputs, calls and applies. Also: DPM's power-on requests for the other
/// policies, and the forwards placement and host lifecycle call.
extension ClusterRuntime {
    // MARK: Inputs

    /// The cluster as it is now with the vMotion engine's figures the policies read.
    func policyView() -> ClusterView {
        view(network: VMotionNetwork(linkMbps: engine.linkMbps, streams: engine.streams, networkCost: engine.ledger.networkCost,
                                     reservationMHz: engine.reservationMHz, estimatedSeconds: engine.estimatedSeconds,
                                     slowestHostSlots: engine.slowestHostSlots))
    }

    /// Recent demand per VM (sampling pushes to it).
    var history: DemandHistory { _read { yield policy.history } _modify { yield &policy.history } }
    var rules: RuleBook { policy.rules }
    var pendingRow: TimeseriesRow? { _read { yield rows.pending } _modify { yield &rows.pending } }

    /// The look-back windows (in samples) a score cluster reads (``ScoreDRSState/windows(_:_:)``).
    static func scoreWindows(_ config: ClusterConfig, _ settings: RunSettings) -> [Int] { ScoreDRSState.windows(config, settings) }

    /// The snapshot DRS and DPM plan on (``PolicyInputs/snapshot(_:samples:conservative:)``).
    func makeSnapshot(samples: Int, conservative: Bool) -> BalanceSnapshot {
        policy.snapshot(view(), samples: samples, conservative: conservative)
    }

    /// The vMotion rules over the arrays that change between passes (``ClusterView/compatibility()``).
    func compatibilityView() -> CompatibilityView { CompatibilityView(hosts: state.hosts, vms: state.vms, rules: vmotion) }

    /// The view of a score pass (``PolicyInputs/scoreView(_:excluding:)``).
    func makeBalancingView(excluding planned: [Int] = []) -> BalancingView {
        policy.scoreView(policyView(), excluding: planned)
    }

    /// Memory contention per VM (active memory that is not resident), MiB, at the latest sample.
    func memoryContentionMB() -> [Double] { vms.contentionMB }

    // MARK: HA admission control (Availability/HAAdmissionControl.swift)

    // The settings are checked first, here: placement asks for every (VM, host) candidate.
    var haAdmissionOn: Bool { HAAdmissionControl.isOn(config.ha) }
    func isReservedFailoverHost(_ h: Int) -> Bool {
        config.ha.admissionPolicy == .failoverHosts && policy.ha.isReservedFailoverHost(h)
    }
    // The tables are lent in place (`withTables`): passed as arguments from the runtime's storage,
    // each call copied every column reference (perf, fleet: placement and DPM retain traffic).
    func haAdmits(_ v: Int) -> Bool {
        guard haAdmissionOn else { return true }
        let ha = policy.ha
        return state.withTables { vms, hosts in ha.admits(v, hosts: hosts, vms: vms) }
    }
    func haFailoverCapacityHolds(withoutHosts excluded: [Int] = [], extraCPU: Double = 0, extraMB: Double = 0,
                                 adding v: Int = -1) -> Bool {
        guard haAdmissionOn else { return true }
        let ha = policy.ha
        return state.withTables { vms, hosts in
            ha.holds(hosts: hosts, vms: vms, withoutHosts: excluded, extraCPU: extraCPU, extraMB: extraMB, adding: v)
        }
    }

    // MARK: DRS

    func scheduleDRS(at t: SimTime) {
        guard config.drs.enabled, t < settings.duration else { return }
        simulation.schedule(at: t, priority: EventPriority.policy, target: target, kind: EventKind.drsPass.rawValue)
    }

    /// One DRS pass: a caller's policy, score DRS, or classic DRS.
    func drsPass() {
        if let caller = policy.balancing { return periodicPolicyPass(caller) { $1.scoreView($0) } }
        if config.balancingAlgorithm == .score { return scoreDRSPass() }
        periodicPolicyPass(ClassicDRS(config.drs)) { $1.classicView($0) }
    }

    /// One pass of `balancer` on the view `build` makes, every `drs.period`.
    func periodicPolicyPass(_ balancer: any BalancingPolicy, _ build: (ClusterView, inout PolicyInputs) -> BalancingView) {
        let clock = ContinuousClock.now
        let now = simulation.now
        let rec = plannedPolicyPass(balancer, at: now, build)
        recorder.record(drsPass: rec)
        summary.drsPasses += 1
        summary.drsPassWallSeconds += (ContinuousClock.now - clock).secondsDouble
        scheduleDRS(at: now + config.drs.period)
    }

    /// One score DRS pass (every minute): rule fixes (priority 1, as classic), then the score
    /// balancer's moves; a pass that would read what the last one read and planned nothing
    /// repeats its record (make bench, fleet-1d-score: 4 of 5 passes fall between samples and
    /// most plan nothing).
    func scoreDRSPass() {
        let clock = ContinuousClock.now
        let now = simulation.now
        var rec: DRSPassRecord
        if let memo = policy.score.memo,
           memo.stillValid(pushes: history.pushes, hostState: hosts.state, vmHost: vms.host, migrations: engine.table, stats: engine.stats) {
            rec = memo.record
            rec.time = now
        } else {
            rec = plannedPolicyPass(ScoreBalancer(), at: now) { $1.scoreView($0) }
            policy.score.memo = rec.recommended.allSatisfy({ $0 == 0 })
                ? ScorePassMemo(record: rec, pushes: history.pushes, hostState: hosts.state, vmHost: vms.host,
                                migrations: engine.table, stats: engine.stats)
                : nil
        }
        if let score = rec.clusterScore {
            summary.drsScoreSum += score
            summary.drsScorePasses += 1
            pendingRow?.drsScoreSum += score
            pendingRow?.drsScorePasses += 1
        }
        recorder.record(drsPass: rec)
        summary.drsPasses += 1
        summary.drsPassWallSeconds += (ContinuousClock.now - clock).secondsDouble
        scheduleDRS(at: now + ScoreDRSState.passPeriod)
    }

    /// Plans a pass (``BalancingPass``), asks DPM for the hosts its rule fixes need, applies the
    /// moves by `drs.automation` and returns the pass's record. The moves are submitted inside the
    /// pass's event, whose end flushes the hosts they changed once (not once per move).
    func plannedPolicyPass(_ balancer: any BalancingPolicy, at now: SimTime,
                           _ build: (ClusterView, inout PolicyInputs) -> BalancingView) -> DRSPassRecord {
        let pass = planBalancing(balancer, build)   // the views are gone: applying copies no table
        for v in pass.needHost { requestHost(for: v) }
        var rec = pass.record
        rec.time = now
        for (i, m) in pass.moves.enumerated() {
            rec.recommended[m.priority - 1] += 1
            guard config.drs.automation == .fullyAutomated else { rec.skippedAutomation += 1; continue }
            let reason: MigrationReason = i < pass.fixes ? .drsRule : .drsBalance
            if submitMigration(vm: m.vm, to: m.destination, reason: reason) == .none { rec.applied += 1 } else { rec.skippedRejected += 1 }
        }
        return rec
    }

    private func planBalancing(_ balancer: any BalancingPolicy, _ build: (ClusterView, inout PolicyInputs) -> BalancingView) -> BalancingPass {
        let cluster = policyView()
        let view = build(cluster, &policy)
        return BalancingPass.plan(balancer, view: view, cluster: cluster)
    }

    // MARK: DPM

    func scheduleDPM(at t: SimTime) {
        guard config.dpm.enabled, config.dpm.automation != .off, t < settings.duration else { return }
        simulation.schedule(at: t, priority: EventPriority.policy + 1, target: target, kind: EventKind.dpmPass.rawValue)
    }

    /// One DPM pass, after the DRS pass at the same instant: suspended while a rolling patch
    /// window runs; else the power policy (``ClassicDPM`` or a caller's) plans, and the runtime
    /// wakes hosts (priority 1 at every automation level, others when `automatic`) or marks the
    /// hosts to power off and evacuates them (when `automatic`).
    func dpmPass() {
        let now = simulation.now
        scheduleDPM(at: now + config.drs.period)
        guard lifecycle.activeWindows == 0 else { return }
        let plan = planPower()   // the view is gone: applying copies no table
        if let start = plan.lowPeriodStart { policy.dpmLowSince = start }
        let automatic = config.dpm.automation == .automatic
        for r in plan.powerOn where r.priority == 1 || automatic { wake(r.host, reason: .dpm) }
        if plan.restoreFailoverCapacity { requestFailoverCapacity() }
        guard automatic, !plan.powerOff.isEmpty else { return }
        for r in plan.powerOff { markEnteringStandby(r.host, reason: .dpm) }
        for r in plan.powerOff where hosts.state[r.host] == .enteringStandby { startStandbyEvacuation(r.host) }
    }

    private func planPower() -> PowerPlan {
        let power: any PowerPolicy = policy.power ?? ClassicDPM()
        return power.plan(PowerView(cluster: policyView(), inputs: policy, onSince: lifecycle.onSince))
    }

    // MARK: Power-on requests (Power/PowerOnRequest.swift)

    /// Whether DPM powers hosts on by itself (enabled and `automatic`; `manual` only recommends).
    var dpmWakesHosts: Bool { config.dpm.enabled && config.dpm.automation == .automatic }

    /// The standby host to wake: the largest CPU capacity, ties to the lowest index.
    func bestStandbyHost() -> Int? { PowerView.bestStandbyHost(state.hosts) }

    /// Asks DPM for a host that can run VM `v` (``PowerOnRequest``). Returns whether a host is
    /// booting for the VM (the caller then waits for it).
    @discardableResult
    func requestHost(for v: Int) -> Bool {
        guard dpmWakesHosts else { return false }
        switch PowerOnRequest.plan(v, hosts: state.hosts, vms: state.vms, vmotion: vmotion, rules: policy.rules,
                                   promised: lifecycle.promised) {
        case .waiting: return true
        case .promise(let h):
            lifecycle.promised[h].append(Int32(v))
            return true
        case .wake(let h):
            wake(h, reason: .dpm)
            lifecycle.promised[h] = [Int32(v)]
            return true
        case .unavailable: return false
        }
    }

    /// Wakes a standby host to restore HA failover capacity, unless a host is already booting.
    /// Returns whether a host is booting.
    @discardableResult
    func requestFailoverCapacity() -> Bool {
        guard dpmWakesHosts else { return false }
        if hosts.state.contains(.booting) { return true }
        guard let h = bestStandbyHost() else { return false }
        wake(h, reason: .dpm)
        return true
    }

    /// A host woken on request is on: VMs waiting for it to be admitted are placed now (HA
    /// restarts waiting for capacity are retried by ``restartWaitingVMs(repairedHost:)``).
    func admitPromisedVMs(_ h: Int) {
        let promised = lifecycle.promised[h]
        lifecycle.promised[h] = []
        for v in promised.map(Int.init) where vms.host[v] == noIndex && vms.downReason[v] == .noCapacity {
            placeVM(v)
        }
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var secondsDouble: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
