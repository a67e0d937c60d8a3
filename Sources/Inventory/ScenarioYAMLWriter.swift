/// Writes an ``InventoryPlan`` as a drsim scenario file (DESIGN §5, schema_version 1).
///
/// The file opens with a comment block (sources, counts, what to review, warnings), then the
/// scenario keys in the order of DESIGN §5. Names from the inventory are always double-quoted;
/// generated profile names are plain `[a-z0-9-]`.
struct ScenarioYAMLWriter {
    let plan: InventoryPlan
    let scenarioName: String
    /// The file names read, for the header comment.
    let sources: [String]

    func write() -> String {
        var lines: [String] = []
        header(&lines)
        lines += ["schema_version: 1", "name: \(YAMLText.quoted(scenarioName))", "seed: 1", "duration: 7d", "sample_interval: 5m", ""]
        hostProfiles(&lines)
        vmProfiles(&lines)
        clusters(&lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private func header(_ lines: inout [String]) {
        let clusterWord = plan.clusters.count == 1 ? "cluster" : "clusters"
        lines += [
            "# drsim scenario imported from RVTools (\(YAMLText.comment(sources.joined(separator: ", "))))",
            "# Imported: \(plan.clusters.count) \(clusterWord), \(plan.hostsImported) hosts, \(plan.vmsImported) powered-on VMs.",
            "# Skipped: \(plan.templatesSkipped) templates, \(plan.poweredOffSkipped) powered-off or suspended VMs (not simulated).",
            "# Review before use (docs/rvtools-import.md):",
            "#  - cpu.mean of each VM profile is the observed CPU usage of its VMs (their host's 'CPU usage %'",
            "#    shared per vCPU); the diurnal shape (amplitude 0.3, peak 14:00) is a default: edit it.",
            "#  - power models are estimates from core counts; put measured or SPECpower values if you have them.",
            "#  - CPU generations come from the CPU model strings (see the comment above each host profile).",
        ]
        if !plan.warnings.isEmpty {
            lines.append("# Warnings:")
            lines += plan.warnings.map { "#  - " + YAMLText.comment($0) }
        }
    }

    private func hostProfiles(_ lines: inout [String]) {
        lines.append("host_profiles:")
        for profile in plan.hostProfiles {
            let hosts = profile.hostCount == 1 ? "1 host" : "\(profile.hostCount) hosts"
            lines.append("  # \(hosts): " + YAMLText.comment(profile.models.joined(separator: "; "))
                + (profile.note.map { " — " + YAMLText.comment($0) } ?? ""))
            lines += [
                "  - name: \(profile.name)",
                "    cpu: {vendor: \(profile.vendor), generation: \(profile.generation), sockets: \(profile.sockets), "
                    + "cores_per_socket: \(profile.coresPerSocket), mhz: \(profile.mhz)}",
                "    memory_gb: \(profile.memoryGB)",
                "    power: {model: linear, idle_w: \(profile.idleW), max_w: \(profile.maxW)}"
                    + "   # estimate for \(profile.sockets * profile.coresPerSocket) cores",
            ]
        }
        lines.append("")
    }

    private func vmProfiles(_ lines: inout [String]) {
        lines.append("vm_profiles:")
        for profile in plan.vmProfiles {
            lines += [
                "  - name: \(profile.name)   # \(InventoryPlanner.count(profile.vmCount, "VM"))",
                "    vcpus: \(profile.vcpus)",
                "    memory_gb: \(YAMLText.decimal(Double(profile.memoryMB) / 1024, places: 10))",
            ]
            if let disk = profile.diskGB { lines.append("    disk_gb: \(disk)") }
            lines += [
                "    workload:",
                "      cpu: {mean: \(YAMLText.decimal(profile.cpuMean, places: 3)), diurnal: {amplitude: 0.3, peak_hour: 14}}",
            ]
            if let active = profile.activeFraction {
                lines.append("      memory: {active_fraction: \(YAMLText.decimal(active, places: 2))}")
            }
        }
        lines.append("")
    }

    private func clusters(_ lines: inout [String]) {
        lines.append("clusters:")
        for cluster in plan.clusters {
            lines.append("  - name: \(YAMLText.quoted(cluster.name))")
            if let version = cluster.vsphereVersion { lines.append("    vsphere_version: \(YAMLText.quoted(version))") }
            if let evc = cluster.evc { lines.append("    evc: \(evc)") }
            if !cluster.datastores.isEmpty {
                lines.append("    datastores: " + YAMLText.flowList(cluster.datastores, firstColumn: 16, indent: 8))
            }
            if !cluster.networks.isEmpty {
                lines.append("    networks: " + YAMLText.flowList(cluster.networks, firstColumn: 14, indent: 8))
            }
            settings(cluster, &lines)
            lines.append("    hosts:")
            for group in cluster.hostGroups {
                entry(["profile: \(group.profile)"], names: group.names, &lines)
            }
            lines.append(cluster.vmGroups.isEmpty ? "    vms: []" : "    vms:")
            for group in cluster.vmGroups {
                var keys = group.name == group.profile ? [] : ["name: \(group.name)"]
                keys.append("profile: \(group.profile)")
                if !group.datastore.isEmpty { keys.append("datastore: \(YAMLText.quoted(group.datastore))") }
                if !group.network.isEmpty { keys.append("network: \(YAMLText.quoted(group.network))") }
                entry(keys, names: group.names, &lines)
            }
        }
    }

    /// A host or VM entry of a cluster as a flow mapping: one line when it fits in 110 columns,
    /// else the `names` list on continuation lines (indented past the `{`, as YAML requires).
    private func entry(_ keys: [String], names: [String], _ lines: inout [String]) {
        let oneLine = "      - {" + keys.joined(separator: ", ") + ", names: "
            + YAMLText.flowList(names, firstColumn: 0, indent: 0, width: .max) + "}"
        if oneLine.count <= 110 {
            lines.append(oneLine)
            return
        }
        lines.append("      - {" + keys.joined(separator: ", ") + ",")
        lines.append("         names: " + YAMLText.flowList(names, firstColumn: 16, indent: 17) + "}")
    }

    private func settings(_ cluster: InventoryPlan.Cluster, _ lines: inout [String]) {
        var drs: [String] = []
        if let enabled = cluster.drsEnabled { drs.append("enabled: \(enabled)") }
        if let automation = cluster.drsAutomation { drs.append("automation: \(automation)") }
        if let threshold = cluster.drsThreshold { drs.append("threshold: \(threshold)") }
        if !drs.isEmpty { lines.append("    drs: {\(drs.joined(separator: ", "))}") }
        if let enabled = cluster.dpmEnabled { lines.append("    dpm: {enabled: \(enabled)}") }
        if let enabled = cluster.haEnabled { lines.append("    ha: {enabled: \(enabled)}") }
    }
}
