extension InventoryPlanner {
    /// Appends what was imported, skipped (and why) and carried to ``summary``.
    mutating func summarize(selection: Selection, hosts: Int, standalone: Int, clusters: [InventoryPlan.Cluster],
                            hostProfiles: Int, vmProfiles: Int, usage: VMUsage, settings: [VMSettings]) {
        summary.append("imported: \(Self.count(clusters.count, "cluster")), \(Self.count(hosts, "host")) "
            + "(\(Self.count(hostProfiles, "host profile"))), \(Self.count(selection.vms.count, "powered-on VM")) "
            + "(\(Self.count(vmProfiles, "VM profile")))")
        var skipped: [String] = []
        if selection.templates > 0 { skipped.append("\(Self.count(selection.templates, "template")) (never run)") }
        if selection.poweredOff > 0 { skipped.append("\(selection.poweredOff) powered off") }
        if selection.suspended > 0 { skipped.append("\(selection.suspended) suspended") }
        if selection.unknown > 0 { skipped.append("\(selection.unknown) in an unknown power state") }
        if selection.orphans > 0 { skipped.append("\(Self.count(selection.orphans, "powered-on VM")) whose cluster has no imported host") }
        if standalone > 0 { skipped.append("\(Self.count(standalone, "standalone host")) (no cluster)") }
        summary.append("skipped: " + (skipped.isEmpty ? "nothing" : skipped.joined(separator: ", ")))
        var carried: [String] = []
        func some(_ count: Int, _ what: String) { if count > 0 { carried.append("\(what) on \(count)") } }
        some(settings.filter { $0.cpuReservationMHz > 0 }.count, "CPU reservations")
        some(settings.filter { $0.cpuLimitMHz != nil }.count, "CPU limits")
        some(settings.filter { $0.cpuShares != "normal" }.count, "CPU shares other than normal")
        some(settings.filter { $0.memoryReservationMB > 0 }.count, "memory reservations")
        some(settings.filter { $0.memoryLimitMB != nil }.count, "memory limits")
        some(settings.filter { $0.memoryShares != "normal" }.count, "memory shares other than normal")
        some(settings.filter { !$0.restartPriority.isEmpty }.count, "HA restart priorities")
        summary.append("resource controls: " + (carried.isEmpty ? "none (vSphere defaults)" : carried.joined(separator: ", ") + " VMs"))
        let withSettings = clusters.filter { $0.drsEnabled != nil || $0.haEnabled != nil || $0.dpmEnabled != nil }.count
        let restricted = clusters.reduce(0) { $0 + $1.hostGroups.filter { $0.datastores != nil }.reduce(0) { $0 + $1.names.count } }
        summary.append("cluster settings (HA, DRS, DPM) of \(withSettings) of \(clusters.count) clusters; "
            + "\(Self.count(restricted, "host")) mounting only some of their cluster's datastores")
        let shared = selection.vms.count - usage.ownCPUCount - usage.defaultedCount
        summary.append("CPU means: \(usage.ownCPUCount) from the VM's own vCPU usage, \(shared) from its host's usage, "
            + "\(usage.defaultedCount) assumed (\(VMUsage.defaultCPUMean))")
    }
}
