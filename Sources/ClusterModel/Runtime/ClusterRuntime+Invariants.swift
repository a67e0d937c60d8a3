extension ClusterRuntime {
    /// Checks the model invariants of DESIGN §9 at the current instant and returns the broken
    /// ones as readable sentences naming the time, entity and rule (empty when all hold).
    public func invariantViolations() -> [String] {
        var out: [String] = []
        let t = simulation.now
        var reserved = Array(repeating: 0.0, count: hosts.count)
        var counts = Array(repeating: Int32(0), count: hosts.count)
        for v in 0..<vms.count {
            let h = Int(vms.host[v])
            if h == Int(noIndex) {
                if vms.downReason[v] == .none { out.append("t=\(t): VM \(vms.configs[v].name) is down without a reason") }
                continue
            }
            if !hosts.state[h].runsVMs {
                out.append("t=\(t): VM \(vms.configs[v].name) runs on host \(hosts.configs[h].name) in state \(hosts.state[h].csvName)")
            }
            reserved[h] += vms.footprintMB[v]
            counts[h] += 1
        }
        for id in migrations.active {
            let m = migrations.slots[Int(id)]
            if m.started != nil { reserved[Int(m.destination)] += vms.footprintMB[Int(m.vm)] }
            if hosts.configs[Int(m.source)].vendor != hosts.configs[Int(m.destination)].vendor {
                out.append("t=\(t): migration of \(vms.configs[Int(m.vm)].name) crosses CPU vendors")
            }
        }
        for h in 0..<hosts.count {
            let name = hosts.configs[h].name
            if abs(reserved[h] - hosts.memoryReservedMB[h]) > 1e-6 * max(1, reserved[h]) {
                out.append("t=\(t): host \(name) memory ledger \(hosts.memoryReservedMB[h]) MB ≠ residents + reservations \(reserved[h]) MB")
            }
            if reserved[h] > hosts.memoryCapacityMB[h] * (1 + 1e-9) {
                out.append("t=\(t): host \(name) memory overcommitted: \(reserved[h]) MB > \(hosts.memoryCapacityMB[h]) MB")
            }
            if counts[h] != hosts.vmCount[h] {
                out.append("t=\(t): host \(name) VM count \(hosts.vmCount[h]) ≠ \(counts[h])")
            }
        }
        if energy.energyJ < lastCheckedEnergyJ {
            out.append("t=\(t): energy decreased from \(lastCheckedEnergyJ) J to \(energy.energyJ) J")
        }
        if t < lastCheckedTime { out.append("t=\(t): clock went back from \(lastCheckedTime)") }
        lastCheckedEnergyJ = energy.energyJ
        lastCheckedTime = t
        return out
    }
}
