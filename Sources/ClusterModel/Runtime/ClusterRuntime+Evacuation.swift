import SimKernel

extension ClusterRuntime {
    /// Starts evacuating host `h` (already in `entering_standby` or `entering_maintenance`):
    /// mandatory moves, not capped per pass, bounded only by the vMotion concurrency limits.
    func evacuate(_ h: Int) {
        if hosts.state[h] == .enteringMaintenance && !haFailoverCapacityHolds(withoutHosts: hostsEnteringMaintenance()) {
            requestFailoverCapacity()   // VMs stay until the capacity is back (docs/model.md, HA admission control and restarts)
        } else {
            let homeless = planEvacuation(h)
            if hosts.state[h] == .enteringMaintenance { for v in homeless { requestHost(for: v) } }
        }
        scheduleEvacuationCheck(h)
    }

    func hostsEnteringMaintenance() -> [Int] {
        (0..<hosts.count).filter { hosts.state[$0] == .enteringMaintenance }
    }

    /// Requests a migration for every VM still on `h` and not migrating, largest first, each to
    /// the compatible `on` host that satisfies its rules (`must` and VM-VM anti-affinity always;
    /// `should` and affinity when possible), has room, and is least loaded after the move.
    /// Returns the VMs that found no destination.
    @discardableResult
    func planEvacuation(_ h: Int) -> [Int] {
        let reason: MigrationReason = lifecycle.purpose[h] == .standby && lifecycle.reason[h] == .dpm ? .dpmEvacuate
            : (lifecycle.purpose[h] == .standby ? .manual : .maintenance)
        var snap = makeSnapshot(samples: 1, conservative: false)
        snap.participates[h] = false
        var residents = (0..<vms.count).filter { Int(vms.host[$0]) == h && !vms.migrating[$0] }
        residents.sort { vms.footprintMB[$0] > vms.footprintMB[$1] || (vms.footprintMB[$0] == vms.footprintMB[$1] && $0 < $1) }
        var homeless: [Int] = []
        let view = compatibilityView()   // host states and VM placements do not change while planning
        for v in residents {
            guard let d = evacuationDestination(v, from: h, snap: snap, view: view) else { homeless.append(v); continue }
            if submitMigration(vm: v, to: d, reason: reason) == .none {
                snap.move(v, to: d)
            } else {
                homeless.append(v)
            }
        }
        return homeless
    }

    func evacuationDestination(_ v: Int, from h: Int, snap: BalanceSnapshot, view: CompatibilityView) -> Int? {
        for strictness in [RuleStrictness.all, .hard] {
            var best = -1, bestLoad = Double.infinity
            for d in 0..<hosts.count where d != h && snap.participates[d] {
                guard view.compatible(v, d), snap.fits(v, on: d), admitsReservations(v, on: d),
                      rules.allows(v, on: d, strictness: strictness, hostOf: { snap.plannedHost[$0] }) else { continue }
                let l = snap.loadOf(d, cpu: snap.hostCPU[d] + snap.cpuEntitlement[v], memory: snap.hostMemory[d] + snap.memoryEntitlement[v])
                if l < bestLoad { best = d; bestLoad = l }
            }
            if best >= 0 { return best }
        }
        return nil
    }

    func scheduleEvacuationCheck(_ h: Int) {
        simulation.cancel(lifecycle.evacuationCheck[h])
        let t = simulation.now + .minutes(1)
        guard t < settings.duration else { return }
        lifecycle.evacuationCheck[h] = simulation.schedule(at: t, priority: EventPriority.policy, target: target,
                                                           kind: EventKind.evacuationCheck.rawValue, payload: Int64(h))
    }

    /// Minute-by-minute evacuation progress: done when empty; re-plans VMs whose moves were
    /// rejected; a maintenance evacuation that lacks room (or HA failover capacity) has DPM wake
    /// a standby host and waits for it; the evacuation is stuck when VMs remain, none can move
    /// and no host is coming.
    func evacuationCheck(_ h: Int) {
        guard hosts.state[h] == .enteringStandby || hosts.state[h] == .enteringMaintenance else { return }
        if evacuationComplete(h) { completeEvacuation(h); return }
        let maintenance = hosts.state[h] == .enteringMaintenance
        var homeless: [Int] = []
        var waiting = false
        if maintenance && !haFailoverCapacityHolds(withoutHosts: hostsEnteringMaintenance()) {
            homeless = (0..<vms.count).filter { Int(vms.host[$0]) == h && !vms.migrating[$0] }
            waiting = requestFailoverCapacity()
        } else {
            homeless = planEvacuation(h)
            if maintenance {
                for v in homeless where requestHost(for: v) { waiting = true }
            }
        }
        let moving = migrationsInFlight.contains { $0.source == h }
        if !homeless.isEmpty && !moving && !waiting {
            evacuationStuck(h)
        } else {
            scheduleEvacuationCheck(h)
        }
    }

    func evacuationComplete(_ h: Int) -> Bool {
        hosts.vmCount[h] == 0 && !migrationsInFlight.contains { $0.source == h }
    }

    /// Called with every migration the engine reports ended (but failed ones): counts a completed
    /// move off an evacuating source, and moves the host on when it is empty.
    func evacuationProgress(_ ended: EndedMigration) {
        let h = ended.source, moved = ended.outcome == .ok
        guard h >= 0, hosts.state[h] == .enteringStandby || hosts.state[h] == .enteringMaintenance else { return }
        if moved { lifecycle.record[h]?.vmsMoved += 1 }
        if evacuationComplete(h) { completeEvacuation(h) }
    }

    func completeEvacuation(_ h: Int) {
        simulation.cancel(lifecycle.evacuationCheck[h])
        let now = simulation.now
        switch hosts.state[h] {
        case .enteringStandby:
            setHostState(h, to: .shuttingDown, reason: lifecycle.reason[h])
            setHostTimer(h, after: hosts.configs[h].shutdownTime)
        case .enteringMaintenance:
            lifecycle.record[h]?.evacuationEnd = now
            setHostState(h, to: .maintenance, reason: .maintenance)
            switch lifecycle.purpose[h] {
            case .patch: setHostTimer(h, after: windowPatchTime(h))
            case .maintenanceTimed: setHostTimer(h, after: lifecycle.maintenanceDuration[h])
            default: break
            }
        default: break
        }
    }

    /// A VM cannot leave (a `must` rule, or no capacity): the host returns to `on`; a rolling
    /// window stops there, as Update Manager does.
    func evacuationStuck(_ h: Int) {
        simulation.cancel(lifecycle.evacuationCheck[h])
        if hosts.state[h] == .enteringMaintenance, var r = lifecycle.record[h] {
            r.status = "stuck"
            r.backOn = simulation.now
            recorder.record(maintenance: r)
            lifecycle.record[h] = nil
            summary.maintenanceStuck += 1
            let w = Int(lifecycle.window[h])
            if w >= 0 { lifecycle.windows[w].stopped = true }
        }
        let reason: PowerEventReason = hosts.state[h] == .enteringMaintenance ? .maintenance : lifecycle.reason[h]
        setHostState(h, to: .on, reason: reason)
        finishWindowHost(h)
        lifecycle.purpose[h] = .none
    }
}
