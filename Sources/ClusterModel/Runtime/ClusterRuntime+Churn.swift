import SimKernel

/// The runtime's churn bookkeeping: the arrival processes and the table rows their VMs use.
///
/// Each process gets as many rows as it has VMs alive at most (``ChurnProcess/peakLive(_:seed:duration:)``);
/// an arrival takes a free row of its process and its departure gives it back, so the tables have
/// (static VMs + peak live churn VMs) rows whatever the run's length (docs/performance.md).
struct ChurnState {
    var processes: [ChurnProcess] = []
    /// Rows from `firstRow` on belong to churn processes.
    var firstRow = 0
    /// The process of each churn row (indexed by row − `firstRow`).
    var processOfRow: [Int32] = []
    /// Free rows of each process; the lowest row is taken first.
    var freeRows: [[Int32]] = []
    /// Per row, bumped each time the row gets a new VM: events about a VM that are scheduled ahead
    /// (HA restarts) carry it and are dropped when the row has changed hands since.
    var generation: [UInt32] = []
    /// Arrivals that took a row an earlier churn VM had left.
    var reuses = 0
}

/// VM churn (docs/model.md, Workload): VMs that arrive during the run are placed by DRS initial placement
/// (or refused: a failed admission) and are powered off and deleted when their lifetime ends.
/// Arrivals are drawn one at a time: each schedules the next (docs/model.md, "Churn").
extension ClusterRuntime {
    /// `input` with one row per churn VM that can be alive at once, and the state that hands the
    /// rows out. A row is absent until an arrival takes it (its `arrival` is the run's end).
    static func withChurnRows(_ input: ClusterConfig, settings: RunSettings) -> (ClusterConfig, ChurnState) {
        var config = input
        var state = ChurnState()
        state.firstRow = config.vms.count
        for (s, c) in input.churn.enumerated() {
            state.processes.append(ChurnProcess(c, seed: settings.seed, duration: settings.duration))
            let peak = ChurnProcess.peakLive(c, seed: settings.seed, duration: settings.duration)
            var rows: [Int32] = []
            for k in 0..<peak {
                var vm = c.template
                vm.name = "\(c.namePrefix)-churn-row-\(k + 1)"   // replaced by each arrival's name
                vm.arrival = settings.duration
                vm.departure = nil
                rows.append(Int32(config.vms.count))
                config.vms.append(vm)
                state.processOfRow.append(Int32(s))
            }
            state.freeRows.append(rows.reversed())
        }
        state.generation = Array(repeating: 0, count: config.vms.count)
        return (config, state)
    }

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
        guard let row = churn.freeRows[s].popLast() else {
            preconditionFailure("churn rows are sized to the most VMs alive at once")
        }
        let v = Int(row)
        if vms.configs[v].departure != nil { churn.reuses += 1 }
        resetVMSlot(v, name: a.name, departure: a.departure)
        if a.departure < settings.duration {
            simulation.schedule(at: a.departure, priority: EventPriority.stateChange, target: target,
                                kind: EventKind.vmDeparture.rawValue, payload: Int64(v))
        }
        admit(v)
    }

    /// A VM of the configuration arrives.
    func vmArrives(_ v: Int) {
        guard vms.downReason[v] == .absent, vms.host[v] == noIndex else { return }
        resetVMSlot(v, name: vms.configs[v].name, departure: vms.configs[v].departure)
        admit(v)
    }

    private func admit(_ v: Int) {
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
            for id in migrations.active + migrations.queue where migrations.contains(id) && Int(migrations.slots[Int(id)].vm) == v {
                finishMigration(id, outcome: .aborted, detail: .vmPoweredOff)
            }
        }
        if vms.host[v] == noIndex && vms.downReason[v] != .absent {
            summary.vmSecondsDown += (simulation.now - lifecycle.downSince[v]).seconds
        }
        if vms.downReason[v] == .haNoCapacity { lifecycle.haWaiting -= 1 }
        state.remove(v)
        lifecycle.forget(v)
        if v >= churn.firstRow {
            let process = Int(churn.processOfRow[v - churn.firstRow])
            state.churn.freeRows[process].append(Int32(v))
        }
    }

    /// The payload of an event about VM `v` scheduled ahead: the row and its current generation.
    func stampedPayload(_ v: Int) -> Int64 {
        Int64(churn.generation[v]) << 32 | Int64(v)
    }

    /// The VM a stamped payload names, or nil when its row has had a new VM since.
    func stampedVM(_ payload: Int64) -> Int? {
        let v = Int(payload & 0xFFFF_FFFF)
        return UInt32(truncatingIfNeeded: payload >> 32) == churn.generation[v] ? v : nil
    }
}
