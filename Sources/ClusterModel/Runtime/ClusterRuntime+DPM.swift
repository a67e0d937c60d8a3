import SimKernel

/// DPM (DESIGN §4.6, vmware-facts §2): after each DRS pass, power a standby host on when a host
/// runs above target + tolerance (81 %) over the power-on window, or evacuate and power off the
/// cheapest host when every host is below target − tolerance (45 %) over the power-off window
/// and a what-if evacuation keeps every remaining host ≤ 81 %. Demand per VM is its mean + 2 sd
/// over the window. Suspended while a rolling patch window runs.
extension ClusterRuntime {
    func scheduleDPM(at t: SimTime) {
        guard config.dpm.enabled, config.dpm.automation != .off, t < settings.duration else { return }
        simulation.schedule(at: t, priority: EventPriority.policy + 1, target: target, kind: EventKind.dpmPass.rawValue)
    }

    func dpmSamples(_ window: SimTime) -> Int {
        max(1, Int((window.seconds / settings.sampleInterval.seconds).rounded()))
    }

    func dpmPass() {
        let now = simulation.now
        scheduleDPM(at: now + config.drs.period)
        guard activeWindows == 0 else { return }
        let dpm = config.dpm
        let high = dpm.targetUtilization + dpm.tolerance
        let low = dpm.targetUtilization - dpm.tolerance
        let on = (0..<hosts.count).filter { hosts.state[$0] == .on }
        let transitioning = hosts.state.contains { $0 == .booting || $0 == .enteringStandby || $0 == .shuttingDown }

        // Priority 1: keep min_hosts_on powered on.
        if on.count + hosts.state.filter({ $0 == .booting }).count < dpm.minHostsOn {
            if let h = bestStandbyHost() { wake(h, reason: .dpm) }
            return
        }
        // Host-level sums suffice for the decisions; the full what-if snapshot is built only when
        // a power-off is in prospect (make bench, fleet: two snapshots per pass were ~25 %).
        let loadOn = hostEstimates(samples: dpmSamples(dpm.historyPowerOn))
        // A host whose memory state is soft or worse counts as above the band (DESIGN §4.8).
        let utilOn = on.map {
            hosts.memoryState[$0] >= .soft ? max(1, loadOn.cpu[$0] / hosts.cpuCapacityMHz[$0])
                : max(loadOn.cpu[$0] / hosts.cpuCapacityMHz[$0], loadOn.memory[$0] / hosts.memoryCapacityMB[$0])
        }
        if let hottest = utilOn.max(), hottest > high {
            // Booting hosts already bring relief: wake another only if the cluster-wide
            // utilization, counting their capacity, is still above target.
            let bootingCPU = (0..<hosts.count).filter { hosts.state[$0] == .booting }.reduce(0.0) { $0 + hosts.cpuCapacityMHz[$1] }
            let demand = on.reduce(0.0) { $0 + loadOn.cpu[$1] }
            let capacity = on.reduce(0.0) { $0 + hosts.cpuCapacityMHz[$1] } + bootingCPU
            guard bootingCPU == 0 || demand / capacity > dpm.targetUtilization else { return }
            let priority = hottest >= (1 + high) / 2 ? 2 : 3
            if priority <= dpm.threshold, dpm.automation == .automatic, let h = bestStandbyHost() { wake(h, reason: .dpm) }
            return
        }
        guard !transitioning, on.count - 1 >= dpm.minHostsOn, dpm.automation == .automatic else { return }
        let loadOff = hostEstimates(samples: dpmSamples(dpm.historyPowerOff))
        guard let first = powerOffPriority(cpu: loadOff.cpu, memory: loadOff.memory, on: on, low: low),
              first <= dpm.threshold else { return }
        var snap = makeSnapshot(samples: dpmSamples(dpm.historyPowerOff), conservative: true)
        var remaining = on
        // DPM keeps powering hosts off while some host is below the band and the cluster's spare
        // capacity justifies it, each choice made on the what-if placement left by the previous ones.
        while remaining.count - 1 >= dpm.minHostsOn, dpm.automation == .automatic,
              let priority = powerOffPriority(cpu: snap.hostCPU, memory: snap.hostMemory, on: remaining, low: low),
              priority <= dpm.threshold,
              let (h, after) = powerOffCandidate(snap, on: remaining, high: high) {
            enterStandby(h, reason: .dpm)
            snap = after
            remaining.removeAll { $0 == h }
        }
    }

    /// Priority 2…5 of powering a host off, or nil when no host is below the band on both CPU
    /// and memory ([VMwareBlog-DPM-2015]: power-off is evaluated when hosts run below the band).
    /// By how much of the band's floor the cluster leaves unused (docs/dpm.md): 2 when the mean
    /// utilization is under 60 % of the floor, 3 under 80 %, 4 under 90 %, else 5.
    func powerOffPriority(cpu hostCPU: [Double], memory hostMemory: [Double], on: [Int], low: Double) -> Int? {
        var meanUtil = 0.0
        var anyBelow = false
        for h in on {
            let cpu = hostCPU[h] / hosts.cpuCapacityMHz[h], mem = hostMemory[h] / hosts.memoryCapacityMB[h]
            if cpu < low && mem < low { anyBelow = true }
            meanUtil += max(cpu, mem) / Double(on.count)
        }
        guard anyBelow else { return nil }
        let gap = (low - meanUtil) / low
        return gap >= 0.4 ? 2 : (gap >= 0.2 ? 3 : (gap >= 0.1 ? 4 : 5))
    }

    /// Per-host sums of DPM's conservative demand estimate (mean + 2 sd over `samples`),
    /// in-flight migrations counted at their destination.
    func hostEstimates(samples: Int) -> (cpu: [Double], memory: [Double]) {
        let e = windowEstimates(samples: samples, conservative: true)
        var cpu = Array(repeating: 0.0, count: hosts.count), memory = cpu
        Self.sumByHost(vms.host, e.cpuMHz, e.memoryMB, vmReservation, vms.limitMHz, &cpu, &memory)
        // In-flight migrations count at their destination.
        for ids in [migrations.active, migrations.queue] {
            for id in ids {
                let m = migrations.slots[Int(id)]
                let v = Int(m.vm), s = Int(vms.host[v]), d = Int(m.destination)
                let c = min(max(e.cpuMHz[v], vmReservation[v]), vms.limitMHz[v])
                if s >= 0 { cpu[s] -= c; memory[s] -= e.memoryMB[v] }
                cpu[d] += c; memory[d] += e.memoryMB[v]
            }
        }
        return (cpu, memory)
    }

    private static func sumByHost(_ host: [Int32], _ c: [Double], _ m: [Double], _ reservation: [Double], _ limit: [Double],
                                  _ cpu: inout [Double], _ memory: inout [Double]) {
        for v in 0..<host.count where host[v] >= 0 {
            let h = Int(host[v])
            cpu[h] += min(max(c[v], reservation[v]), limit[v])
            memory[h] += m[v]
        }
    }

    /// The standby host to wake: the largest CPU capacity, ties to the lowest index.
    func bestStandbyHost() -> Int? {
        var best: Int?
        for h in 0..<hosts.count where hosts.state[h] == .standby {
            if best == nil || hosts.cpuCapacityMHz[h] > hosts.cpuCapacityMHz[best!] { best = h }
        }
        return best
    }

    /// The least-loaded `on` host below the band whose VMs all fit elsewhere with every remaining host ≤ `high`
    /// (a what-if evacuation), honouring must rules and, with HA admission control, leaving one
    /// host's worth of spare memory (N+1). Ties go to the highest index (spare hosts at the end).
    func powerOffCandidate(_ snap: BalanceSnapshot, on: [Int], high: Double) -> (Int, BalanceSnapshot)? {
        var best: (Int, BalanceSnapshot)?
        var bestLoad = Double.infinity
        let low = config.dpm.targetUtilization - config.dpm.tolerance
        for h in on.reversed() where snap.load[h] < bestLoad && snap.load[h] < low {
            if let after = whatIfEvacuation(h, snap: snap, high: high, on: on) { best = (h, after); bestLoad = snap.load[h] }
        }
        return best
    }

    /// The snapshot after moving every VM of `h` elsewhere, or nil when that is not possible.
    func whatIfEvacuation(_ h: Int, snap base: BalanceSnapshot, high: Double, on: [Int]) -> BalanceSnapshot? {
        var snap = base
        snap.participates[h] = false
        var residents = (0..<vms.count).filter { Int(snap.plannedHost[$0]) == h }
        residents.sort { snap.cpuEntitlement[$0] > snap.cpuEntitlement[$1] || (snap.cpuEntitlement[$0] == snap.cpuEntitlement[$1] && $0 < $1) }
        let view = compatibilityView()   // one copy per what-if, not one per (VM, host) check
        for v in residents {
            if vms.migrating[v] { return nil }
            var best = -1, bestLoad = Double.infinity
            for d in on where d != h {
                let cpu = (snap.hostCPU[d] + snap.cpuEntitlement[v]) / snap.cpuCapacity[d]
                let mem = (snap.hostMemory[d] + snap.memoryEntitlement[v]) / snap.memoryCapacity[d]
                guard cpu <= high, mem <= high, snap.fits(v, on: d), view.compatible(v, d),
                      rules.allows(v, on: d, mustOnly: true, hostOf: { snap.plannedHost[$0] }) else { continue }
                if max(cpu, mem) < bestLoad { best = d; bestLoad = max(cpu, mem) }
            }
            guard best >= 0 else { return nil }
            snap.move(v, to: best)
        }
        // HA admission control keeps its failover capacity without the host (DESIGN §4.6, §4.8).
        if !haCapacityHolds(without: h) { return nil }
        return snap
    }
}
