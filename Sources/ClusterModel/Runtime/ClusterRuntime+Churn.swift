import SimKernel

/// VM churn (docs/model.md, Workload): VMs that arrive during the run are placed by DRS initial placement
/// (or refused: a failed admission) and are powered off and deleted when their lifetime ends.
extension ClusterRuntime {
    func scheduleChurn() {
        for v in 0..<vms.count {
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
    }

    func vmArrives(_ v: Int) {
        guard vms.downReason[v] == .absent, vms.host[v] == noIndex else { return }
        lifecycle.downSince[v] = simulation.now
        placeVM(v)
    }

    /// The VM is powered off and deleted: migrations of it are aborted, its host's memory freed.
    func vmDeparts(_ v: Int) {
        if vms.migrating[v] {
            for id in migrations.active + migrations.queue where migrations.contains(id) && Int(migrations.slots[Int(id)].vm) == v {
                finishMigration(id, outcome: .aborted, detail: .vmPoweredOff)
            }
        }
        if vms.host[v] == noIndex && vms.downReason[v] != .absent {
            summary.vmSecondsDown += (simulation.now - lifecycle.downSince[v]).seconds
        }
        state.remove(v)
        lifecycle.outageHost[v] = -1
    }
}
