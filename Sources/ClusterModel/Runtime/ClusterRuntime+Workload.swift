import SimKernel

/// The runtime's glue for the VMs' load and life (docs/architecture.md, event flow): samples (the
/// sampler and the schedulers over ``ClusterState``'s tables, the row built by
/// ``TimeseriesRow/init(sampleAt:hosts:load:migrations:energy:thlsdThreshold:loads:)``), the
/// observers' flush, churn arrivals and departures (rows handed out by ``ChurnState``), and
/// initial placement (chosen by ``ClusterState/placementHost(for:demandMHz:expectedCPU:vmotion:rules:reservedForFailover:)``).
extension ClusterRuntime {
    // MARK: Samples and the observers' flush

    /// One sample: integrate energy so far, resample demand, share CPU per host, set power, record a row.
    func takeSample(at now: SimTime) {
        energy.advance(to: now)
        load.sampler.sample(at: now, &state.vms)
        state.withTables { load.memory.allocateAll(&$0, &$1) }
        if lifecycle.haWaiting > 0 { retryWaitingRestarts() }
        history.push(cpuMHz: vms.cpuDemandMHz, memoryMB: vms.memoryDemandMB)
        state.changes.everyHostChanged()
        flushHostChanges()

        emitPendingRow()
        let thlsd = config.drs.enabled && config.balancingAlgorithm == .classic ? config.drs.threshold : nil
        let row = inPlace(&load) { load in
            state.withTables { _, hosts in
                TimeseriesRow(sampleAt: now, hosts: hosts, load: load, migrations: engine.table, energy: energy,
                              thlsdThreshold: thlsd, loads: &rows.scratchLoads)
            }
        }
        rows.pending = row
        summary.add(row, seconds: (min(now + settings.sampleInterval, settings.duration) - now).seconds)

        let next = now + settings.sampleInterval
        if next < settings.duration {
            simulation.schedule(at: next, priority: EventPriority.sample, target: target, kind: EventKind.sample.rawValue)
        }
    }

    /// Completes the previous sample's row with the migrations started and the downtime ended
    /// during its interval, and hands it to the recorder.
    func emitPendingRow() {
        guard var row = rows.pending else { return }
        row.migrationsStarted = engine.stats.startedSinceSample
        row.downtimeMS = engine.stats.downtimeMSSinceSample
        engine.stats.startedSinceSample = 0
        engine.stats.downtimeMSSinceSample = 0
        recorder.record(sample: row)
        rows.pending = nil
    }

    /// The observers' flush (``HostChangeMarks``): re-divides the CPU of the hosts whose residents
    /// changed and sets the power of every marked host, at this instant. Runs at the end of each
    /// event; its results are read by the next event, except by placement, which divides first.
    func flushHostChanges() {
        guard !state.changes.isEmpty else { return }
        divideMarkedCPU()
        let now = simulation.now
        if state.changes.powerEveryHost {
            for h in 0..<hosts.count { energy.setPower(h, watts: hosts.powerDrawW(h), at: now) }
        } else {
            for h in state.changes.power { energy.setPower(Int(h), watts: hosts.powerDrawW(Int(h)), at: now) }
        }
        energy.refreshTotal()
        state.changes.powered()
    }

    /// Re-divides the CPU of the hosts marked so far (see ``CPUScheduler``): every host after a
    /// sample, else each host whose residents changed.
    func divideMarkedCPU() {
        guard state.changes.needsDivision else { return }
        if state.changes.divideEveryHost {
            state.withTables { load.cpu.allocateAll(&$0, &$1) }
        } else {
            let marked = state.changes.divide
            state.withTables { vms, hosts in
                for h in marked { load.cpu.reallocate(Int(h), Int(h), &vms, &hosts) }
            }
        }
        state.changes.divided()
    }

    // MARK: Initial placement

    /// Initial placement of the VMs present at t = 0, in VM order (DRS initial placement).
    func placeAllVMs() {
        var expectedCPU = Array(repeating: 0.0, count: hosts.count)
        for v in 0..<vms.count where vms.configs[v].arrival == .zero {
            if let h = placeVM(v, expectedCPU: expectedCPU) { expectedCPU[h] += expectedDemandMHz(v) }
        }
    }

    /// The profile's mean demand of VM `v` in MHz (what placement expects it to use).
    func expectedDemandMHz(_ v: Int) -> Double {
        config.workloads[Int(vms.workload[v])].cpuMean * vms.cpuSizeMHz[v]
    }

    /// Powers VM `v` on where DRS initial placement puts it, once HA admission control admits it
    /// (``haAdmits(_:)``). A VM admitted nowhere waits for a standby host DPM wakes for it, or,
    /// when there is none, is a failed admission. `expectedCPU`: the CPU already promised to each
    /// host (at start, before any sample); otherwise the marked hosts are divided first, since
    /// placement reads the hosts' current demand.
    @discardableResult
    func placeVM(_ v: Int, expectedCPU: [Double]? = nil) -> Int? {
        guard haAdmits(v) else {
            refuseOrWait(v)
            return nil
        }
        if expectedCPU == nil { divideMarkedCPU() }
        // The state is read in place (``inPlace(_:_:)``): called on the stored property, every
        // placement copied the whole state (perf, fleet).
        let ha = policy.ha, rules = policy.rules, demand = expectedDemandMHz(v)
        guard let h = inPlace(&state, {
            $0.placementHost(for: v, demandMHz: demand, expectedCPU: expectedCPU, vmotion: self.vmotion, rules: rules,
                             reservedForFailover: { ha.isReservedFailoverHost($0) })
        }) else {
            refuseOrWait(v)
            return nil
        }
        powerOn(v, on: h)
        return h
    }

    /// Whether VM `v` may be powered on on host `h` (``ClusterState/canHost(_:on:vmotion:reservedForFailover:)``).
    func canHost(_ v: Int, on h: Int) -> Bool {
        state.canHost(v, on: h, vmotion: vmotion, reservedForFailover: isReservedFailoverHost(h))
    }

    /// Host-level admission control (``ClusterState/admitsReservations(_:on:)``).
    @inline(__always)
    func admitsReservations(_ v: Int, on h: Int) -> Bool { state.admitsReservations(v, on: h) }

    /// A VM that cannot be admitted waits (down, `no_capacity`) for a standby host DPM wakes for
    /// it, when there is one; otherwise the admission fails.
    func refuseOrWait(_ v: Int) {
        if requestHost(for: v) {
            state.vms.downReason[v] = .noCapacity
        } else {
            refuseAdmission(v)
        }
    }

    func refuseAdmission(_ v: Int) {
        summary.failedAdmissions += 1
        // A VM of the initial inventory that cannot start stays down (it exists); a churn arrival
        // that is refused never joins the cluster.
        state.vms.downReason[v] = vms.configs[v].arrival > .zero ? .absent : .noCapacity
    }

    /// Starts VM `v` on host `h`, fixing its CPU feature level (EVC baseline, else the host's
    /// generation); the host's CPU is re-divided at the end of the event (placement, HA restart,
    /// repair alike).
    func powerOn(_ v: Int, on h: Int) {
        summary.vmSecondsDown += (simulation.now - lifecycle.downSince[v]).seconds
        state.place(v, on: h, featureRank: Int16(config.evc?.rank ?? hosts.configs[h].generationRank))
        inPlace(&load) { $0.memory.settle(v, &state.vms) }
    }

    // MARK: Churn (docs/model.md, Workload: VMs that arrive during the run are placed by initial
    // placement, or refused, and are powered off and deleted when their lifetime ends; arrivals
    // are drawn one at a time, each scheduling the next)

    var churn: ChurnState { _read { yield state.churn } _modify { yield &state.churn } }

    func scheduleChurn() {
        // VMs of the configuration with a later arrival (tests, and inventories that give one).
        for v in 0..<churn.firstRow {
            let c = vms.configs[v]
            if c.arrival > .zero && c.arrival < settings.duration {
                simulation.schedule(at: c.arrival, priority: EventPriority.stateChange, target: target,
                                    kind: EventKind.vmArrival.rawValue, payload: Int64(v))
            }
            if let d = c.departure, d < settings.duration {
                simulation.schedule(at: d, priority: EventPriority.stateChange, target: target,
                                    kind: EventKind.vmDeparture.rawValue, payload: Int64(v))
            }
        }
        for s in churn.processes.indices { scheduleNextArrival(s) }
    }

    private func scheduleNextArrival(_ s: Int) {
        guard let at = churn.processes[s].nextArrival else { return }
        simulation.schedule(at: at, priority: EventPriority.stateChange, target: target,
                            kind: EventKind.churnArrival.rawValue, payload: Int64(s))
    }

    /// An arrival of churn process `s`: it takes a free row, schedules its departure and the
    /// process's next arrival, and asks for a host.
    func churnArrives(_ s: Int) {
        let a = churn.processes[s].arrive()
        scheduleNextArrival(s)
        let v = churn.takeRow(of: s)
        if vms.configs[v].departure != nil { churn.reuses += 1 }
        resetVMSlot(v, name: a.name, departure: a.departure)
        if a.departure < settings.duration {
            simulation.schedule(at: a.departure, priority: EventPriority.stateChange, target: target,
                                kind: EventKind.vmDeparture.rawValue, payload: Int64(v))
        }
        placeVM(v)
    }

    /// A VM of the configuration arrives.
    func vmArrives(_ v: Int) {
        guard vms.downReason[v] == .absent, vms.host[v] == noIndex else { return }
        resetVMSlot(v, name: vms.configs[v].name, departure: vms.configs[v].departure)
        placeVM(v)
    }

    /// Makes row `v` the VM `name` arriving now: every piece of per-VM state starts over, one
    /// reset per component (the list is in docs/performance.md, "Churn-heavy runs"). The VM's
    /// workload stream starts here and its first sample is taken now; its demand history is that
    /// sample. CPUScheduler, MemoryScheduler and the rule book keep no per-VM state that changes
    /// (their per-VM columns come from the template, the same for every VM of a row), and churn
    /// VMs cannot be named by rules.
    func resetVMSlot(_ v: Int, name: String, departure: SimTime?) {
        let now = simulation.now
        state.resetSlot(v, name: name, arrival: now, departure: departure)
        load.sampler.startVM(v, name: name, seed: settings.seed, at: now, &state.vms)
        policy.resetVM(v, cpuMHz: vms.cpuDemandMHz[v], memoryMB: vms.memoryDemandMB[v])
        lifecycle.resetVM(v, at: now)
        engine.resetVM(v)
    }

    /// The VM is powered off and deleted: migrations of it are aborted, its host's memory freed,
    /// and a churn row goes back to its process.
    func vmDeparts(_ v: Int) {
        if vms.migrating[v] {
            let table = engine.table
            for id in table.active + table.queue where engine.table.contains(id) && Int(engine.table.slots[Int(id)].vm) == v {
                finishMigration(id, outcome: .aborted, detail: .vmPoweredOff)
            }
        }
        if vms.host[v] == noIndex && vms.downReason[v] != .absent {
            summary.vmSecondsDown += (simulation.now - lifecycle.downSince[v]).seconds
        }
        if vms.downReason[v] == .haNoCapacity { lifecycle.haWaiting -= 1 }
        state.remove(v)
        lifecycle.forget(v)
        state.churn.release(v)
    }

    /// The payload of an event about VM `v` scheduled ahead (``ChurnState/stampedPayload(_:)``).
    func stampedPayload(_ v: Int) -> Int64 { churn.stampedPayload(v) }

    /// The VM a stamped payload names, or nil when its row has had a new VM since.
    func stampedVM(_ payload: Int64) -> Int? { churn.stampedVM(payload) }
}
