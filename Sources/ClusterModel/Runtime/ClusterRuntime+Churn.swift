import SimKernel

/// VM churn (DESIGN §4.2): VMs that arrive during the run are placed by DRS initial placement
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
        downSince[v] = simulation.now
        if let h = placeVM(v) { reallocateCPU(h, h) }
    }

    /// The VM is powered off and deleted: migrations of it are aborted, its host's memory freed.
    func vmDeparts(_ v: Int) {
        if vms.migrating[v] {
            for id in migrations.active + migrations.queue where migrations.contains(id) && Int(migrations.slots[Int(id)].vm) == v {
                finishMigration(id, outcome: .aborted, detail: .vmPoweredOff)
            }
        }
        let h = Int(vms.host[v])
        if h >= 0 {
            vms.host[v] = noIndex
            reserve(v, on: h, sign: -1)
            hosts.vmCount[h] -= 1
            vms.cpuServedMHz[v] = 0
            reallocateCPU(h, h)
        } else if vms.downReason[v] != .absent {
            summary.vmSecondsDown += (simulation.now - downSince[v]).seconds
        }
        outageHost[v] = -1
        vms.downReason[v] = .absent
    }
}
