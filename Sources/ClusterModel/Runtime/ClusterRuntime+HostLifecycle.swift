import SimKernel

/// Host lifecycle's glue (docs/model.md, Host power states; Maintenance, patching, failures, HA):
/// ``HostLifecycle`` and ``EvacuationPlan`` decide; this file applies what they return — host
/// states through ``setHostState(_:to:reason:)`` (the only writer), timers and restarts as events,
/// evacuation moves through ``submitMigration(vm:to:reason:)``, rows to the recorder, counts to
/// the summary — and asks placement, HA admission and DPM for what they decide.
extension ClusterRuntime {
    /// Moves host `h` to `state` from outside an event (tests, tools) and flushes the observers.
    public func changeHostState(_ h: Int, to state: HostPowerState, reason: PowerEventReason) {
        setHostState(h, to: state, reason: reason)
        flushHostChanges()
    }

    /// Moves host `h` to `state`, recording a `power_events.csv` row and applying the
    /// consequences: migrations into a host that leaves `on` abort; a failed host's outbound
    /// migrations fail and its VMs go down (reason `host_failure`). The host is marked for the
    /// observers' flush (its power changes at the end of the event).
    func setHostState(_ h: Int, to state: HostPowerState, reason: PowerEventReason) {
        let old = hosts.state[h]
        guard old != state else { return }
        let now = simulation.now
        self.state.setHostState(h, state)
        if settings.checkInvariants { audit.noteTransition(host: hosts.configs[h].name, from: old, to: state, at: now) }
        if settings.checkInvariants, old == .on, state == .enteringStandby, reason == .dpm,
           migrationsInFlight.contains(where: { $0.destination == h }) {
            audit.badTransitions.append("t=\(now) [dpm-destination] host \(hosts.configs[h].name): DPM powers it off while migrations head to it")
        }
        recorder.record(powerEvent: PowerEventRecord(time: now, host: hosts.configs[h].name, from: old, to: state, reason: reason))
        if old == .on || state == .failed { abortMigrationsInvolving(h, sourceFailed: state == .failed) }
        if state == .failed {
            for v in self.state.evict(host: h) {
                lifecycle.downSince[v] = now
                summary.haOutages += 1
            }
        }
        if state == .on { lifecycle.onSince[h] = now }
        if state == .standby { summary.hostPowerCycles += 1 }
    }

    /// Applies a transition host lifecycle decided and arms the host's timer when it has one.
    private func apply(_ step: HostTransition, to h: Int) {
        setHostState(h, to: step.to, reason: step.reason)
        if let delay = step.timer { setHostTimer(h, after: delay) }
    }

    private func setHostTimer(_ h: Int, after delay: SimTime) {
        simulation.cancel(lifecycle.timer[h])
        let t = simulation.now + delay
        guard t <= settings.duration else { lifecycle.timer[h] = .invalid; return }
        lifecycle.timer[h] = simulation.schedule(at: t, priority: EventPriority.stateChange, target: target,
                                                 kind: EventKind.hostTimer.rawValue, payload: Int64(h))
    }

    /// The host's timed step finished (``HostLifecycle/timerFired(_:in:now:bootTime:)``).
    func hostTimerFired(_ h: Int) {
        switch lifecycle.timerFired(h, in: hosts.state[h], now: simulation.now, bootTime: hosts.configs[h].bootTime) {
        case .transition(let step):
            apply(step, to: h)
            if step.to == .on { hostCameOn(h) }
            // A rolling window that started while this host powered down still wants it.
            if step.to == .standby && lifecycle.windowWants(h, config.maintenanceWindows) { wake(h, reason: .maintenance) }
        case .exitMaintenance: exitMaintenance(h)
        case .nothing: break
        }
    }

    /// A host is on: its record closes, windows go on, waiting VMs restart or are admitted, a repaired host may fail again.
    private func hostCameOn(_ h: Int) {
        let (record, wasRepair) = lifecycle.cameOn(h, now: simulation.now)
        if let record { recorder.record(maintenance: record) }
        finishWindowHost(h)
        for w in lifecycle.windows.indices where lifecycle.windowIsIdle(w) { launchWindowHosts(w) }
        restartWaitingVMs(repairedHost: wasRepair ? h : nil)
        admitPromisedVMs(h)
        if wasRepair { scheduleRandomFailure(h) }
    }

    /// Puts host `h` into maintenance mode for `purpose` (the host must be `on`).
    func enterMaintenance(_ h: Int, purpose: HostPurpose, duration: SimTime = .zero, window: Int = -1) {
        guard let step = lifecycle.enterMaintenance(h, in: hosts.state[h], purpose: purpose, duration: duration, window: window,
                                                    host: hosts.configs[h].name, now: simulation.now) else { return }
        // With HA admission control on, the cluster keeps its failover capacity: when it would break
        // without this host, a standby host is woken first (docs/model.md, HA admission control and restarts).
        if !haFailoverCapacityHolds(withoutHosts: [h]), let spare = bestStandbyHost() { wake(spare, reason: .maintenance) }
        apply(step, to: h)
        startStandbyEvacuation(h)
    }

    /// Leaves maintenance without a reboot.
    func exitMaintenance(_ h: Int) {
        guard hosts.state[h] == .maintenance else { return }
        simulation.cancel(lifecycle.timer[h])
        setHostState(h, to: .on, reason: .maintenance)
        hostCameOn(h)
    }

    /// Evacuates host `h` and puts it in standby (DPM or a manual power-off).
    func enterStandby(_ h: Int, reason: PowerEventReason) {
        guard hosts.state[h] == .on else { return }
        markEnteringStandby(h, reason: reason)
        startStandbyEvacuation(h)
    }

    /// First half of ``enterStandby(_:reason:)``: the host leaves `on` (DPM marks all the hosts
    /// of one pass before evacuating any, so none is chosen as another's destination).
    func markEnteringStandby(_ h: Int, reason: PowerEventReason) {
        guard let step = lifecycle.enterStandby(h, in: hosts.state[h], reason: reason) else { return }
        apply(step, to: h)
        if reason == .dpm { summary.dpmPowerOffs += 1 }
    }

    /// Starts evacuating a host entering standby or maintenance (done at once when empty): mandatory
    /// moves, not capped per pass, bounded only by the vMotion concurrency limits; checked every minute.
    func startStandbyEvacuation(_ h: Int) {
        guard !evacuationComplete(h) else { completeEvacuation(h); return }
        _ = evacuationRound(h)
        scheduleEvacuationCheck(h)
    }

    /// Wakes a standby host: it boots for `boot_time` before it takes load.
    func wake(_ h: Int, reason: PowerEventReason) {
        guard let step = lifecycle.wake(h, in: hosts.state[h], reason: reason, bootTime: hosts.configs[h].bootTime) else { return }
        if reason == .dpm { summary.dpmPowerOns += 1 }
        apply(step, to: h)
    }

    // MARK: Rolling patch windows

    func scheduleWindows() {
        for (w, win) in config.maintenanceWindows.enumerated() where win.start < settings.duration {
            simulation.schedule(at: win.start, priority: EventPriority.scenario, target: target,
                                kind: EventKind.windowStart.rawValue, payload: Int64(w))
        }
    }

    /// A window starts: DPM is suspended in the cluster and its standby hosts are woken so that
    /// they can be patched too (Update Manager powers standby hosts on for remediation).
    func windowStarted(_ w: Int) {
        lifecycle.startWindow(w, at: simulation.now)
        for h in config.maintenanceWindows[w].hosts where hosts.state[Int(h)] == .standby { wake(Int(h), reason: .maintenance) }
        launchWindowHosts(w)
    }

    /// Puts window `w`'s next hosts in maintenance, one at a time; ends the window when done.
    private func launchWindowHosts(_ w: Int) {
        let win = config.maintenanceWindows[w]
        while let h = lifecycle.nextWindowHost(w, win, states: hosts.state) { enterMaintenance(h, purpose: .patch, window: w) }
        guard let done = lifecycle.finishWindowIfDone(w, win, at: simulation.now) else { return }
        summary.maintenanceWindowSeconds += (simulation.now - (done.started ?? simulation.now)).seconds
        summary.maintenanceHostsPatched += done.patched
    }

    /// A window host is back on (or failed, or stuck): its slot frees and the window continues.
    private func finishWindowHost(_ h: Int) {
        if let w = lifecycle.releaseWindowSlot(h) { launchWindowHosts(w) }
    }

    // MARK: Failures and HA

    /// Schedules host `h`'s next random failure, if before the end (``HostLifecycle/nextFailure(_:mtbf:now:)``).
    func scheduleRandomFailure(_ h: Int) {
        guard let t = lifecycle.nextFailure(h, mtbf: config.failures.mtbf, now: simulation.now), t < settings.duration else { return }
        simulation.schedule(at: t, priority: EventPriority.stateChange, target: target,
                            kind: EventKind.randomFailure.rawValue, payload: Int64(h))
    }

    /// A random failure hits a host that runs VMs or boots; a powered-down host draws its next time.
    func randomFailure(_ h: Int) {
        let state = hosts.state[h]
        if state.runsVMs || state == .booting { failHost(h, repairAfter: config.failures.repairTime) }
        else if state != .failed { scheduleRandomFailure(h) }
    }

    /// The host fails: its VMs go down; HA restarts them after `restart_time` (failure detection), each back after its `boot_time`.
    func failHost(_ h: Int, repairAfter: SimTime) {
        guard hosts.state[h] != .failed else { return }
        simulation.cancel(lifecycle.evacuationCheck[h])
        if let record = lifecycle.failRecord(h) { recorder.record(maintenance: record) }
        finishWindowHost(h)
        let (victims, promised) = lifecycle.hostFails(h, vms, now: simulation.now)
        setHostState(h, to: .failed, reason: .failure)
        // VMs waiting for this host (it failed while booting) ask again, or are refused.
        for v in promised where vms.host[v] == noIndex && vms.downReason[v] == .noCapacity { refuseOrWait(v) }
        for v in victims where config.ha.enabled && vms.configs[v].restartPriority > 0 {   // `disabled` VMs are not restarted
            simulation.schedule(after: config.ha.restartTime, priority: EventPriority.stateChange, target: target,
                                kind: EventKind.haRestart.rawValue, payload: stampedPayload(v))
        }
        setHostTimer(h, after: repairAfter)
    }

    /// HA restart of VM `v` (docs/model.md, HA admission control and restarts) on the host
    /// ``HostLifecycle/chooseRestartHost(_:in:vmotion:rules:ha:now:)`` picks. When no host can hold
    /// it the VM waits, DPM is asked for a host, and it is retried at every sample and whenever a
    /// host comes on; when hosts are only busy restarting, it retries once a restart slot frees.
    func haRestart(_ v: Int) {
        guard vms.host[v] == noIndex, vms.downReason[v] == .hostFailure || vms.downReason[v] == .haNoCapacity else { return }
        let rules = policy.rules, ha = policy.ha, now = simulation.now
        switch inPlace(&state, { lifecycle.chooseRestartHost(v, in: $0, vmotion: vmotion, rules: rules, ha: ha, now: now) }) {
        case .retry(let t):
            simulation.schedule(at: t, priority: EventPriority.stateChange, target: target,
                                kind: EventKind.haRestart.rawValue, payload: stampedPayload(v))
        case .wait:
            if vms.downReason[v] != .haNoCapacity {
                state.vms.downReason[v] = .haNoCapacity
                lifecycle.haWaiting += 1
            }
            requestHost(for: v)   // DPM brings a standby host out for it (docs/model.md, HA admission control and restarts)
        case .host(let best):
            if vms.downReason[v] == .haNoCapacity { lifecycle.haWaiting -= 1 }
            powerOn(v, on: best)
            closeOutage(v, reason: "ha_restart", bootTime: vms.configs[v].bootTime)
        }
    }

    /// Retries the VMs waiting for an HA restart, highest restart priority first.
    func retryWaitingRestarts() {
        for v in HostLifecycle.waitingRestarts(vms) { haRestart(v) }
        lifecycle.recountWaiting(vms)
    }

    /// After a host comes on: VMs waiting for capacity get another HA try; without HA (or with
    /// restart priority `disabled`), the VMs of a repaired host restart on it.
    func restartWaitingVMs(repairedHost: Int?) {
        if lifecycle.haWaiting > 0 { retryWaitingRestarts() }
        for v in 0..<vms.count where vms.host[v] == noIndex {
            if !config.ha.enabled || vms.configs[v].restartPriority == 0, vms.downReason[v] == .hostFailure,
               let h = repairedHost, Int(lifecycle.outageHost[v]) == h, canHost(v, on: h) {
                powerOn(v, on: h)
                closeOutage(v, reason: "host_repair")
            }
        }
    }

    /// Closes VM `v`'s outage once its guest has booted (`bootTime`, counted down too; it holds its host's memory and demand meanwhile [I]).
    private func closeOutage(_ v: Int, reason: String, bootTime: SimTime = .zero) {
        let back = min(simulation.now + bootTime, settings.duration)
        guard let row = lifecycle.closeOutage(v, vm: vms.configs[v].name, hosts: hosts.configs, restartHost: Int(vms.host[v]),
                                              back: back, reason: reason) else { return }
        summary.vmSecondsDown += (back - simulation.now).seconds
        recorder.record(outage: row)
    }

    /// Rows for outages and maintenance still open when the run ends.
    func closeOpenRecords() {
        for row in lifecycle.openOutages(vms: vms.configs, hosts: hosts.configs) { recorder.record(outage: row) }
        for row in lifecycle.openMaintenanceRecords() { recorder.record(maintenance: row) }
    }

    // MARK: Evacuation

    /// One round of host `h`'s evacuation: with HA failover capacity short during maintenance, the
    /// VMs stay and DPM is asked for capacity (docs/model.md, HA admission control and restarts);
    /// else the VMs are moved (``EvacuationPlan``) and, in maintenance, DPM is asked for a host for
    /// each VM left. Returns whether VMs are left, and whether a host boots for them.
    private func evacuationRound(_ h: Int) -> (left: Bool, waiting: Bool) {
        let maintenance = hosts.state[h] == .enteringMaintenance
        if maintenance && !haFailoverCapacityHolds(withoutHosts: HostLifecycle.enteringMaintenance(hosts.state)) {
            let left = (0..<vms.count).contains { Int(vms.host[$0]) == h && !vms.migrating[$0] }
            return (left, requestFailoverCapacity())
        }
        let reason = lifecycle.evacuationReason(h)
        var plan = EvacuationPlan(source: h, snapshot: makeSnapshot(samples: 1, conservative: false), compatibility: compatibilityView(), vms: vms)
        let rules = policy.rules
        while let move = plan.nextMove(rules: rules, admits: { admitsReservations($0, on: $1) }) {
            plan.submitted(move, accepted: submitMigration(vm: move.vm, to: move.destination, reason: reason) == .none)
        }
        var waiting = false
        if maintenance { for v in plan.homeless where requestHost(for: v) { waiting = true } }
        return (!plan.homeless.isEmpty, waiting)
    }

    private func scheduleEvacuationCheck(_ h: Int) {
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
        let (left, waiting) = evacuationRound(h)
        if left && !waiting && !migrationsInFlight.contains(where: { $0.source == h }) {
            evacuationStuck(h)
        } else {
            scheduleEvacuationCheck(h)
        }
    }

    private func evacuationComplete(_ h: Int) -> Bool {
        hosts.vmCount[h] == 0 && !migrationsInFlight.contains { $0.source == h }
    }

    /// Called with every migration the engine reports ended (but failed ones): counts a completed
    /// move off an evacuating source, and moves the host on when it is empty.
    func evacuationProgress(_ ended: EndedMigration) {
        let h = ended.source
        guard h >= 0, hosts.state[h] == .enteringStandby || hosts.state[h] == .enteringMaintenance else { return }
        if ended.outcome == .ok { lifecycle.record[h]?.vmsMoved += 1 }
        if evacuationComplete(h) { completeEvacuation(h) }
    }

    private func completeEvacuation(_ h: Int) {
        simulation.cancel(lifecycle.evacuationCheck[h])
        guard let step = lifecycle.evacuationDone(h, in: hosts.state[h], now: simulation.now, shutdownTime: hosts.configs[h].shutdownTime,
                                                  windows: config.maintenanceWindows) else { return }
        apply(step, to: h)
    }

    /// A VM cannot leave (a `must` rule, or no capacity): the host returns to `on`
    /// (``HostLifecycle/evacuationStuck(_:in:now:)``).
    private func evacuationStuck(_ h: Int) {
        simulation.cancel(lifecycle.evacuationCheck[h])
        let (record, step) = lifecycle.evacuationStuck(h, in: hosts.state[h], now: simulation.now)
        if let record {
            recorder.record(maintenance: record)
            summary.maintenanceStuck += 1
        }
        apply(step, to: h)
        finishWindowHost(h)
    }
}
