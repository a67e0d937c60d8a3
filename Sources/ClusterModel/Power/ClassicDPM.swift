import SimKernel

/// Classic DPM (docs/model.md, DPM): after each DRS pass, keep min_hosts_on and HA failover
/// capacity, power a standby host on when a host runs above target + tolerance (81 %) over the
/// power-on window, or evacuate and power off hosts below target − tolerance (45 %) over the
/// power-off window whose what-if evacuation keeps every remaining host ≤ 81 %, breaks no rule
/// nor HA failover capacity, and pays off (docs/model.md, DPM cost-benefit). Demand per VM is its
/// mean + 2 sd over the window. Powers nothing off when DRS could not follow. Keeps the start of
/// the cluster's low period between passes (``PowerPlan/lowPeriodStart``). Hosts are also woken
/// on request by the other policies (``ClusterRuntime/requestHost(for:)``).
public struct ClassicDPM: PowerPolicy {
    public init() {}

    public func plan(_ view: PowerView) -> PowerPlan {
        var plan = PowerPlan()
        let dpm = view.dpm, hosts = view.hosts
        let high = dpm.targetUtilization + dpm.tolerance
        let low = dpm.targetUtilization - dpm.tolerance
        let on = (0..<hosts.count).filter { hosts.state[$0] == .on }
        let booting = hosts.state.contains { $0 == .booting }
        let transitioning = booting || hosts.state.contains { $0 == .enteringStandby || $0 == .shuttingDown }

        // Priority 1: keep min_hosts_on powered on, and HA failover capacity (admission control).
        if on.count + hosts.state.filter({ $0 == .booting }).count < dpm.minHostsOn {
            if let h = view.bestStandbyHost() { plan.powerOn = [PowerRecommendation(host: h, priority: 1)] }
            return plan
        }
        if !booting && !view.failoverCapacityHolds() && view.bestStandbyHost() != nil {
            plan.restoreFailoverCapacity = true
            return plan
        }
        // Host-level sums suffice for the decisions; the full what-if snapshot is built only when
        // a power-off is in prospect (make bench, fleet: two snapshots per pass were ~25 %).
        let loadOn = view.hostDemand(window: dpm.historyPowerOn)
        let lowSince = lowPeriodStart(view, cpu: loadOn.cpuMHz, memory: loadOn.memoryMB, on: on)
        plan.lowPeriodStart = lowSince
        // A host whose memory state is soft or worse counts as above the band (docs/model.md, Memory).
        let utilOn = on.map {
            hosts.memoryState[$0] >= .soft ? max(1, loadOn.cpuMHz[$0] / hosts.cpuCapacityMHz[$0])
                : max(loadOn.cpuMHz[$0] / hosts.cpuCapacityMHz[$0], loadOn.memoryMB[$0] / hosts.memoryCapacityMB[$0])
        }
        if let hottest = utilOn.max(), hottest > high {
            // Booting hosts already bring relief: wake another only if the cluster-wide
            // utilization, counting their capacity, is still above target.
            let bootingCPU = (0..<hosts.count).filter { hosts.state[$0] == .booting }.reduce(0.0) { $0 + hosts.cpuCapacityMHz[$1] }
            let demand = on.reduce(0.0) { $0 + loadOn.cpuMHz[$1] }
            let capacity = on.reduce(0.0) { $0 + hosts.cpuCapacityMHz[$1] } + bootingCPU
            guard bootingCPU == 0 || demand / capacity > dpm.targetUtilization else { return plan }
            let priority = hottest >= (1 + high) / 2 ? 2 : 3
            if priority <= dpm.threshold, let h = view.bestStandbyHost() { plan.powerOn = [PowerRecommendation(host: h, priority: priority)] }
            return plan
        }
        guard !transitioning, on.count - 1 >= dpm.minHostsOn, mayPowerOff(view) else { return plan }
        let loadOff = view.hostDemand(window: dpm.historyPowerOff)
        guard anyHostBelowBand(hosts, cpu: loadOff.cpuMHz, memory: loadOff.memoryMB, on: on, low: low) else { return plan }
        var snap = view.snapshot(window: dpm.historyPowerOff)
        var remaining = on
        let period = expectedLowPeriodSeconds(view, lowSince: lowSince)
        // DPM keeps choosing hosts while some host is below the band and a power-off pays off,
        // each choice made on the what-if placement left by the previous ones. The chosen hosts
        // leave `on` together, so no evacuation plans a VM onto a host powered off in this pass.
        while remaining.count - 1 >= dpm.minHostsOn,
              anyHostBelowBand(hosts, cpu: snap.hostCPU, memory: snap.hostMemory, on: remaining, low: low),
              let (h, priority, after) = powerOffCandidate(view, snap, on: remaining, high: high, period: period,
                                                            alsoOff: plan.powerOff.map(\.host)) {
            plan.powerOff.append(PowerRecommendation(host: h, priority: priority))
            snap = after
            remaining.removeAll { $0 == h }
        }
        return plan
    }

    /// DPM powers nothing off when DRS could not follow: DRS disabled, at threshold 1 or not fully
    /// automated (docs/model.md, DPM; [D-PowerOff]: DPM powers a host off only when DRS can
    /// evacuate it); nor before its power-off window holds demand history; nor while VMs wait for
    /// a host (HA restarts without capacity).
    func mayPowerOff(_ view: PowerView) -> Bool {
        let drs = view.drs, vms = view.vms, ha = view.cluster.config.ha.enabled
        guard drs.enabled, drs.threshold >= 2, drs.automation == .fullyAutomated,
              view.historySamples >= view.samples(view.dpm.historyPowerOff) else { return false }
        return !(0..<vms.count).contains { vms.host[$0] == noIndex && (vms.downReason[$0] == .haNoCapacity
            || (ha && vms.downReason[$0] == .hostFailure)) }
    }

    /// Whether some `on` host runs below the band on both CPU and memory ([VMwareBlog-DPM-2015]:
    /// power-off is evaluated when hosts run below the band).
    func anyHostBelowBand(_ hosts: HostTable, cpu hostCPU: [Double], memory hostMemory: [Double], on: [Int], low: Double) -> Bool {
        on.contains { hostCPU[$0] / hosts.cpuCapacityMHz[$0] < low && hostMemory[$0] / hosts.memoryCapacityMB[$0] < low }
    }

    /// The `on` host below the band to power off, its priority, and the snapshot after its
    /// evacuation: the one with the best (lowest) power-off priority, ties to the least loaded,
    /// then the highest index (spare hosts at the end). A candidate has been on for the power-off
    /// window (its history is its VMs' there), its what-if evacuation keeps every remaining host
    /// ≤ `high` without breaking a rule or HA failover capacity, and its priority
    /// (``powerOffPriority(_:_:snap:residents:floor:period:)``) is ≤ the DPM threshold.
    func powerOffCandidate(_ view: PowerView, _ snap: BalanceSnapshot, on: [Int], high: Double, period: Double,
                           alsoOff: [Int]) -> (Int, Int, BalanceSnapshot)? {
        var best: (h: Int, after: BalanceSnapshot, priority: Int)?
        let dpm = view.dpm, hosts = view.hosts
        let low = dpm.targetUtilization - dpm.tolerance
        let now = view.now
        // Per snapshot, not per host (make bench, planetlab-20110303: the per-host scans of every VM
        // and every host were 45 % of the run): residents by host, and the under-utilization floor.
        let residents = BalanceSnapshot.vmsByHost(snap.plannedHost, hosts: hosts.count) { _ in true }
        let floor = underUtilizationPriority(view, snap, on: (0..<hosts.count).filter { snap.participates[$0] })
        for h in on.reversed() where snap.load[h] < low && now - view.onSince[h] >= dpm.historyPowerOff {
            guard let priority = powerOffPriority(view, h, snap: snap, residents: residents, floor: floor, period: period),
                  priority <= dpm.threshold else { continue }
            if let b = best, (priority, snap.load[h]) >= (b.priority, snap.load[b.h]) { continue }
            if let after = whatIfEvacuation(view, h, snap: snap, high: high, on: on, alsoOff: alsoOff) { best = (h, after, priority) }
        }
        return best.map { ($0.h, $0.priority, $0.after) }
    }

    /// Power-off priority 2…5 of host `h`, or nil when the power-off does not pay (docs/model.md,
    /// DPM cost-benefit, [I]: the sources say priority reflects the amount of under-utilization
    /// and the expected improvement [D41-DPMThr] but give no formula). Benefit: the host's idle
    /// minus standby power over the expected low period (`period` seconds); cost: a power cycle
    /// (shutdown at idle power, a later boot at full power) plus the vMotion CPU reservation of
    /// evacuating its VMs. Priority by benefit / cost (≥ 4 → 2, ≥ 2 → 3, ≥ 1.5 → 4, > 1 → 5),
    /// made no more urgent than the cluster's under-utilization allows (`floor`,
    /// ``underUtilizationPriority(_:_:on:)``). `residents`: the snapshot's VMs by host, ascending
    /// within a host (``BalanceSnapshot/vmsByHost(_:hosts:_:)``).
    func powerOffPriority(_ view: PowerView, _ h: Int, snap: BalanceSnapshot, residents: (order: [Int32], start: [Int]),
                          floor: Int, period: Double) -> Int? {
        let hosts = view.hosts, vms = view.vms, network = view.cluster.network
        let c = hosts.configs[h]
        let benefit = max(0, c.power.idleW - c.standbyW) * period
        let perCoreW = (c.power.maxW - c.power.idleW) / Double(max(1, c.sockets * c.coresPerSocket))
        let rate = max(1, min(network.linkMbps[h], Double(network.streams[h]) * ConcurrencyLimits.streamMbps))
        let cores = network.reservationMHz[h] / hosts.coreMHz[h]
        var migrationJ = 0.0
        for i in residents.start[h]..<residents.start[h + 1] {
            migrationJ += vms.configs[Int(residents.order[i])].memoryMB * DataUnits.mbitPerMiB / rate * 2 * cores * perCoreW
        }
        let cost = c.shutdownTime.seconds * c.power.idleW + c.bootTime.seconds * c.power.maxW + migrationJ
        guard benefit > cost else { return nil }
        let ratio = benefit / max(cost, 1e-9)
        let byImprovement = ratio >= 4 ? 2 : (ratio >= 2 ? 3 : (ratio >= 1.5 ? 4 : 5))
        return max(byImprovement, floor)
    }

    /// The low period a power-off can expect, seconds [I]: a persistence forecast — the cluster
    /// has fit on one host fewer at target utilization since `lowSince`, L seconds, so it is
    /// expected to for about L more — at least the power-off window, at most 8 hours (a night).
    func expectedLowPeriodSeconds(_ view: PowerView, lowSince: SimTime) -> Double {
        let window = view.dpm.historyPowerOff.seconds
        let observed = (view.now - lowSince).seconds
        return min(max(window, observed), 8 * 3_600)
    }

    /// Priority 2…5 from the amount of under-utilization [I]: U = how many hosts' worth of the
    /// `on` hosts' capacity sits unused at the target utilization, Σ capacity / capacity per host
    /// − Σ demand / (target × capacity per host), in the larger of CPU and memory (the DPM snapshot's
    /// mean + 2 sd demand). U ≥ 2 → 2, ≥ 1 → 3, ≥ 0.5 → 4, else 5.
    func underUtilizationPriority(_ view: PowerView, _ snap: BalanceSnapshot, on: [Int]) -> Int {
        guard !on.isEmpty else { return 5 }
        let target = view.dpm.targetUtilization, hosts = view.hosts
        var cpu = 0.0, cpuCap = 0.0, mem = 0.0, memCap = 0.0
        for h in on { cpu += snap.hostCPU[h]; cpuCap += hosts.cpuCapacityMHz[h]; mem += snap.hostMemory[h]; memCap += hosts.memoryCapacityMB[h] }
        let n = Double(on.count)
        let spare = n - max(cpu / cpuCap, mem / memCap) * n / target
        return spare >= 2 ? 2 : (spare >= 1 ? 3 : (spare >= 0.5 ? 4 : 5))
    }

    /// The start of the current low period: the previous one while the cluster's demand (power-on
    /// window) fits on its `on` hosts minus the largest at target utilization, else now.
    func lowPeriodStart(_ view: PowerView, cpu: [Double], memory: [Double], on: [Int]) -> SimTime {
        guard on.count >= 2 else { return view.now }
        let hosts = view.hosts
        let cpuDemand = on.reduce(0.0) { $0 + cpu[$1] }, memDemand = on.reduce(0.0) { $0 + memory[$1] }
        let cpuCap = on.reduce(0.0) { $0 + hosts.cpuCapacityMHz[$1] } - (on.map { hosts.cpuCapacityMHz[$0] }.max() ?? 0)
        let memCap = on.reduce(0.0) { $0 + hosts.memoryCapacityMB[$1] } - (on.map { hosts.memoryCapacityMB[$0] }.max() ?? 0)
        let fits = cpuDemand <= view.dpm.targetUtilization * cpuCap && memDemand <= view.dpm.targetUtilization * memCap
        return fits ? view.lowPeriodStart : view.now
    }

    /// The snapshot after moving every VM of `h` elsewhere, or nil when that is not possible:
    /// every remaining host stays ≤ `high`, no VM's rules (VM-Host, anti-affinity, affinity)
    /// that hold now break, and HA failover capacity holds without `h` and the hosts in `alsoOff`.
    func whatIfEvacuation(_ view: PowerView, _ h: Int, snap base: BalanceSnapshot, high: Double, on: [Int],
                          alsoOff: [Int]) -> BalanceSnapshot? {
        guard view.failoverCapacityHolds(withoutHosts: alsoOff + [h]) else { return nil }
        let vms = view.vms, rules = view.cluster.rules
        var snap = base
        snap.participates[h] = false
        var residents = (0..<vms.count).filter { Int(snap.plannedHost[$0]) == h }
        residents.sort { snap.cpuEntitlement[$0] > snap.cpuEntitlement[$1] || (snap.cpuEntitlement[$0] == snap.cpuEntitlement[$1] && $0 < $1) }
        let heldBefore = residents.map { rules.allows($0, on: h, hostOf: { base.plannedHost[$0] }) }
        let compatibility = view.cluster.compatibility()
        for v in residents {
            if vms.migrating[v] { return nil }
            var best = -1, bestLoad = Double.infinity
            for d in on where d != h {
                let cpu = (snap.hostCPU[d] + snap.cpuEntitlement[v]) / snap.cpuCapacity[d]
                let mem = (snap.hostMemory[d] + snap.memoryEntitlement[v]) / snap.memoryCapacity[d]
                guard cpu <= high, mem <= high, snap.fits(v, on: d), compatibility.compatible(v, d),
                      rules.allows(v, on: d, strictness: .allButAffinity, hostOf: { snap.plannedHost[$0] }) else { continue }
                if max(cpu, mem) < bestLoad { best = d; bestLoad = max(cpu, mem) }
            }
            guard best >= 0 else { return nil }
            snap.move(v, to: best)
        }
        for (i, v) in residents.enumerated() where heldBefore[i] {
            if !rules.allows(v, on: Int(snap.plannedHost[v]), hostOf: { snap.plannedHost[$0] }) { return nil }
        }
        return snap
    }
}
