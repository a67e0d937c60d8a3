import SimKernel
import Stochastics

/// Host power-state machine (docs/model.md, Host power states; Maintenance, patching, failures, HA): on → entering_standby → shutting_down → standby →
/// booting → on; on → entering_maintenance → maintenance → (booting) → on; any → failed →
/// booting → on. Timed steps (shutdown, boot, patch, timed maintenance, repair) run on a per-host timer.
extension ClusterRuntime {
    func setHostTimer(_ h: Int, after delay: SimTime) {
        simulation.cancel(lifecycle.timer[h])
        let t = simulation.now + delay
        guard t <= settings.duration else { lifecycle.timer[h] = .invalid; return }
        lifecycle.timer[h] = simulation.schedule(at: t, priority: EventPriority.stateChange, target: target,
                                                 kind: EventKind.hostTimer.rawValue, payload: Int64(h))
    }

    /// The host's timed step finished.
    func hostTimerFired(_ h: Int) {
        lifecycle.timer[h] = .invalid
        switch hosts.state[h] {
        case .shuttingDown:
            setHostState(h, to: .standby, reason: lifecycle.reason[h])
            lifecycle.purpose[h] = .none
            // A rolling window that started while this host powered down still wants it.
            for w in lifecycle.windows.indices where lifecycle.windows[w].started != nil && lifecycle.windows[w].finished == nil
                && config.maintenanceWindows[w].hosts[lifecycle.windows[w].next...].contains(Int32(h)) {
                wake(h, reason: .maintenance)
                break
            }
        case .booting:
            setHostState(h, to: .on, reason: lifecycle.reason[h])
            hostCameOn(h)
        case .maintenance:
            if lifecycle.purpose[h] == .patch {
                lifecycle.record[h]?.patchDone = simulation.now
                lifecycle.reason[h] = .maintenance
                setHostState(h, to: .booting, reason: .maintenance)
                setHostTimer(h, after: hosts.configs[h].bootTime)
            } else {
                exitMaintenance(h)
            }
        case .failed:
            lifecycle.purpose[h] = .repair
            lifecycle.reason[h] = .repair
            setHostState(h, to: .booting, reason: .repair)
            setHostTimer(h, after: hosts.configs[h].bootTime)
        default:
            break
        }
    }

    /// A host finished booting: close its maintenance record, restart VMs waiting for capacity,
    /// continue a rolling window, and re-arm its random failure clock after a repair.
    func hostCameOn(_ h: Int) {
        if var r = lifecycle.record[h] {
            r.backOn = simulation.now
            r.status = "done"
            recorder.record(maintenance: r)
            lifecycle.record[h] = nil
            if lifecycle.window[h] >= 0 { lifecycle.windows[Int(lifecycle.window[h])].patched += 1 }
        }
        let wasRepair = lifecycle.purpose[h] == .repair
        lifecycle.purpose[h] = .none
        finishWindowHost(h)
        for w in lifecycle.windows.indices where lifecycle.windows[w].started != nil && lifecycle.windows[w].finished == nil && lifecycle.windows[w].inFlight == 0 {
            launchWindowHosts(w)   // a window waiting for this host to boot continues
        }
        restartWaitingVMs(repairedHost: wasRepair ? h : nil)
        admitPromisedVMs(h)
        if wasRepair { scheduleRandomFailure(h) }
    }

    /// Puts host `h` into maintenance mode for `purpose` (the host must be `on`).
    func enterMaintenance(_ h: Int, purpose: HostPurpose, duration: SimTime = .zero, window: Int = -1) {
        guard hosts.state[h] == .on else { return }
        lifecycle.purpose[h] = purpose
        lifecycle.maintenanceDuration[h] = duration
        lifecycle.window[h] = Int32(window)
        lifecycle.reason[h] = .maintenance
        lifecycle.record[h] = MaintenanceRecord(window: window, host: hosts.configs[h].name, evacuationStart: simulation.now,
                                                evacuationEnd: nil, vmsMoved: 0, patchDone: nil, backOn: nil, status: "incomplete")
        // With HA admission control on, the cluster keeps its failover capacity: when it would break
        // without this host, a standby host is woken first (docs/model.md, HA admission control and restarts).
        if !haFailoverCapacityHolds(withoutHosts: [h]), let spare = bestStandbyHost() { wake(spare, reason: .maintenance) }
        setHostState(h, to: .enteringMaintenance, reason: .maintenance)
        if evacuationComplete(h) { completeEvacuation(h) } else { evacuate(h) }
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
        guard hosts.state[h] == .on else { return }
        lifecycle.purpose[h] = .standby
        lifecycle.reason[h] = reason
        setHostState(h, to: .enteringStandby, reason: reason)
        if reason == .dpm { summary.dpmPowerOffs += 1 }
    }

    func startStandbyEvacuation(_ h: Int) {
        if evacuationComplete(h) { completeEvacuation(h) } else { evacuate(h) }
    }

    /// Wakes a standby host: it boots for `boot_time` before it takes load.
    func wake(_ h: Int, reason: PowerEventReason) {
        guard hosts.state[h] == .standby else { return }
        lifecycle.reason[h] = reason
        if reason == .dpm { summary.dpmPowerOns += 1 }
        setHostState(h, to: .booting, reason: reason)
        setHostTimer(h, after: hosts.configs[h].bootTime)
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
        lifecycle.windows[w].started = simulation.now
        lifecycle.activeWindows += 1
        for h in config.maintenanceWindows[w].hosts where hosts.state[Int(h)] == .standby {
            wake(Int(h), reason: .maintenance)
        }
        launchWindowHosts(w)
    }

    func windowPatchTime(_ h: Int) -> SimTime {
        let w = Int(lifecycle.window[h])
        return w >= 0 ? config.maintenanceWindows[w].patchTime : .zero
    }

    /// Starts hosts of window `w` until `hosts_at_once` are in flight; ends the window when done.
    func launchWindowHosts(_ w: Int) {
        let win = config.maintenanceWindows[w]
        while !lifecycle.windows[w].stopped && lifecycle.windows[w].inFlight < win.hostsAtOnce && lifecycle.windows[w].next < win.hosts.count {
            let h = Int(win.hosts[lifecycle.windows[w].next])
            if hosts.state[h] == .booting || hosts.state[h] == .shuttingDown || hosts.state[h] == .enteringStandby {
                break   // woken for the window (or still powering down): wait until it is on
            }
            lifecycle.windows[w].next += 1
            guard hosts.state[h] == .on else { continue }   // failed or already in maintenance: skipped
            lifecycle.windows[w].inFlight += 1
            enterMaintenance(h, purpose: .patch, window: w)
        }
        if lifecycle.windows[w].inFlight == 0 && lifecycle.windows[w].finished == nil && (lifecycle.windows[w].stopped || lifecycle.windows[w].next >= win.hosts.count) {
            lifecycle.windows[w].finished = simulation.now
            lifecycle.activeWindows -= 1
            summary.maintenanceWindowSeconds += (simulation.now - (lifecycle.windows[w].started ?? simulation.now)).seconds
            summary.maintenanceHostsPatched += lifecycle.windows[w].patched
        }
    }

    /// A window host is back on (or stuck): free its slot and continue the window.
    func finishWindowHost(_ h: Int) {
        let w = Int(lifecycle.window[h])
        guard w >= 0 else { return }
        lifecycle.window[h] = -1
        lifecycle.windows[w].inFlight -= 1
        launchWindowHosts(w)
    }

    // MARK: Failures and HA

    /// Schedules host `h`'s next random failure (exponential with mean MTBF, stream `failure/<host>`).
    func scheduleRandomFailure(_ h: Int) {
        guard let mtbf = config.failures.mtbf else { return }
        let dt = lifecycle.failureStreams[h].exponential(mean: mtbf.seconds)
        let t = simulation.now + SimTime.seconds(dt)
        guard t < settings.duration else { return }
        simulation.schedule(at: t, priority: EventPriority.stateChange, target: target,
                            kind: EventKind.randomFailure.rawValue, payload: Int64(h))
    }

    func randomFailure(_ h: Int) {
        if hosts.state[h] == .failed { return }
        if hosts.state[h].runsVMs || hosts.state[h] == .booting {
            failHost(h, repairAfter: config.failures.repairTime)
        } else {
            scheduleRandomFailure(h)   // powered-down hosts do not fail; draw the next time
        }
    }

    /// The host fails: its VMs go down; HA powers them on elsewhere after `restart_time` (failure
    /// detection) when enabled, and each is back after its guest `boot_time`.
    func failHost(_ h: Int, repairAfter: SimTime) {
        guard hosts.state[h] != .failed else { return }
        simulation.cancel(lifecycle.evacuationCheck[h])
        if var r = lifecycle.record[h] { r.status = "failed"; recorder.record(maintenance: r); lifecycle.record[h] = nil }
        if lifecycle.window[h] >= 0 { finishWindowHost(h) }
        // Restarts are scheduled highest priority first (equal-time events run in insertion order);
        // `disabled` VMs are not restarted by HA.
        let victims = (0..<vms.count).filter { Int(vms.host[$0]) == h }
            .sorted { (-vms.configs[$0].restartPriority, $0) < (-vms.configs[$1].restartPriority, $1) }
        let promised = lifecycle.promised[h]
        lifecycle.promised[h] = []
        setHostState(h, to: .failed, reason: .failure)
        // VMs waiting for this host (it failed while booting) ask again, or are refused.
        for v in promised.map(Int.init) where vms.host[v] == noIndex && vms.downReason[v] == .noCapacity {
            refuseOrWait(v)
        }
        for v in victims {
            lifecycle.outageStart[v] = simulation.now
            lifecycle.outageHost[v] = Int32(h)
            if config.ha.enabled && vms.configs[v].restartPriority > 0 {
                simulation.schedule(after: config.ha.restartTime, priority: EventPriority.stateChange, target: target,
                                    kind: EventKind.haRestart.rawValue, payload: stampedPayload(v))
            }
        }
        lifecycle.purpose[h] = .none
        lifecycle.reason[h] = .repair
        setHostTimer(h, after: repairAfter)
    }

    /// HA restart of VM `v` (docs/model.md, HA admission control and restarts): on the host with the most unreserved
    /// capacity (the smaller of its unreserved CPU and memory fractions) that admits the VM's
    /// reservations + overhead, dedicated failover hosts first, `must` rules honoured (should rules
    /// ignored as HA does), at most `maxConcurrentRestartsPerHost` restarts per host at a time.
    /// When no host can hold it the VM waits and is retried at every sample and whenever a host
    /// comes on; when hosts are only busy restarting, it retries once a restart slot frees.
    func haRestart(_ v: Int) {
        guard vms.host[v] == noIndex, vms.downReason[v] == .hostFailure || vms.downReason[v] == .haNoCapacity else { return }
        let now = simulation.now
        var best = -1, bestScore = -Double.infinity, bestFailover = false
        var busyUntil = SimTime.zero
        for h in 0..<hosts.count where canRestart(v, on: h) && rules.allows(v, on: h, mustOnly: true, hostOf: { vms.host[$0] }) {
            if now - lifecycle.restartWindowStart[h] >= Self.restartSlotTime { lifecycle.restartWindowStart[h] = now; lifecycle.restartsInWindow[h] = 0 }
            if Int(lifecycle.restartsInWindow[h]) >= config.ha.maxConcurrentRestartsPerHost {
                let free = lifecycle.restartWindowStart[h] + Self.restartSlotTime
                busyUntil = busyUntil == .zero ? free : min(busyUntil, free)
                continue
            }
            let failover = lifecycle.failoverHost[h] && config.ha.admissionPolicy == .failoverHosts
            let score = min(hosts.freeMemoryMB(h) / hosts.memoryCapacityMB[h], hosts.unreservedCPUMHz(h) / hosts.cpuCapacityMHz[h])
            if (failover && !bestFailover) || (failover == bestFailover && score > bestScore) {
                best = h; bestScore = score; bestFailover = failover
            }
        }
        guard best >= 0 else {
            if busyUntil > now {
                simulation.schedule(at: busyUntil, priority: EventPriority.stateChange, target: target,
                                    kind: EventKind.haRestart.rawValue, payload: stampedPayload(v))
                return
            }
            if vms.downReason[v] != .haNoCapacity {
                state.vms.downReason[v] = .haNoCapacity
                lifecycle.haWaiting += 1
            }
            requestHost(for: v)   // DPM brings a standby host out for it (docs/model.md, HA admission control and restarts)
            return
        }
        if vms.downReason[v] == .haNoCapacity { lifecycle.haWaiting -= 1 }
        lifecycle.restartsInWindow[best] += 1
        powerOn(v, on: best)
        closeOutage(v, reason: "ha_restart", bootTime: vms.configs[v].bootTime)
    }

    /// How long a restart holds one of a host's concurrent restart slots. [I] 10 s: vSphere gives
    /// the limit (32 per host, [YB-RestartPrio]) but not a power-on's duration.
    static let restartSlotTime = SimTime.seconds(10)

    /// Whether HA may restart VM `v` on host `h`: as ``canHost(_:on:)``, failover hosts included.
    func canRestart(_ v: Int, on h: Int) -> Bool {
        hosts.state[h] == .on && vmotion.canRun(v, datastore: vms.datastore[v], on: h) && admitsReservations(v, on: h)
    }

    /// Retries the VMs waiting for an HA restart, highest restart priority first.
    func retryWaitingRestarts() {
        for priority in stride(from: 5, through: 1, by: -1) {
            for v in 0..<vms.count where vms.host[v] == noIndex && vms.downReason[v] == .haNoCapacity
                && vms.configs[v].restartPriority == priority {
                haRestart(v)
            }
        }
        lifecycle.haWaiting = 0
        for v in 0..<vms.count where vms.host[v] == noIndex && vms.downReason[v] == .haNoCapacity { lifecycle.haWaiting += 1 }
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
        state.changes.everyHostChanged()
    }

    /// Closes VM `v`'s outage: it is back once powered on and its guest has booted (`bootTime`,
    /// counted in `vm_hours_down` too; the VM holds its host's memory and demand while booting [I]).
    func closeOutage(_ v: Int, reason: String, bootTime: SimTime = .zero) {
        guard lifecycle.outageHost[v] >= 0 else { return }
        let back = min(simulation.now + bootTime, settings.duration)
        summary.vmSecondsDown += (back - simulation.now).seconds
        recorder.record(outage: OutageRecord(vm: vms.configs[v].name, host: hosts.configs[Int(lifecycle.outageHost[v])].name,
                                             down: lifecycle.outageStart[v], restarted: back,
                                             restartHost: hosts.configs[Int(vms.host[v])].name, reason: reason))
        lifecycle.outageHost[v] = -1
    }

    /// Rows for outages and maintenance still open when the run ends.
    func closeOpenRecords() {
        for v in 0..<vms.count where lifecycle.outageHost[v] >= 0 {
            recorder.record(outage: OutageRecord(vm: vms.configs[v].name, host: hosts.configs[Int(lifecycle.outageHost[v])].name,
                                                 down: lifecycle.outageStart[v], restarted: nil, restartHost: "", reason: "still_down"))
            lifecycle.outageHost[v] = -1
        }
        for h in 0..<hosts.count { if let r = lifecycle.record[h] { recorder.record(maintenance: r); lifecycle.record[h] = nil } }
    }
}

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
        if old == .on || state == .failed {
            abortMigrationsInvolving(h, sourceFailed: state == .failed)
        }
        if state == .failed {
            for v in self.state.evict(host: h) {
                lifecycle.downSince[v] = now
                summary.haOutages += 1
            }
        }
        if state == .on { lifecycle.onSince[h] = now }
        if state == .standby || state == .failed { summary.hostPowerCycles += state == .standby ? 1 : 0 }
    }
}
