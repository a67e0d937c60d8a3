/// Writes an ``InventoryPlan`` as a drsim scenario file (docs/scenario-format.md, schema_version 1).
///
/// The file opens with a comment block (sources, counts, what to review, warnings), then the
/// scenario keys in the order of docs/scenario-format.md. Names from the inventory are always double-quoted;
/// generated profile names are plain `[a-z0-9-]`.
struct ScenarioYAMLWriter {
    let plan: InventoryPlan
    let scenarioName: String
    /// What was read, for the header comment.
    let source: String
    /// Whether workloads get the default noise (``Variability``).
    let variability: Bool

    func write() -> String {
        var lines: [String] = []
        header(&lines)
        lines += ["schema_version: 1", "name: \(YAMLText.quoted(scenarioName))", "seed: 1"]
        if let day = plan.startDay { lines.append("start: \(day)T00:00:00Z   # the export day (vMetaData)") }
        lines += ["duration: 7d", "sample_interval: 5m", ""]
        hostProfiles(&lines)
        vmProfiles(&lines)
        clusters(&lines)
        return lines.joined(separator: "\n") + "\n"
    }

    private func header(_ lines: inout [String]) {
        let clusterWord = plan.clusters.count == 1 ? "cluster" : "clusters"
        lines += [
            "# drsim scenario imported from RVTools (\(YAMLText.comment(source)))",
            "# Imported: \(plan.clusters.count) \(clusterWord), \(plan.hostsImported) hosts, \(plan.vmsImported) powered-on VMs.",
            "# Skipped: \(plan.templatesSkipped) templates, \(plan.poweredOffSkipped) powered-off or suspended VMs (not simulated).",
            "# Review before use (docs/rvtools-import.md):",
            "#  - cpu.mean of each VM profile is the observed CPU usage of its VMs (vCPU 'Overall', else their host's",
            "#    'CPU usage %' shared per vCPU); the diurnal shape (amplitude 0.3, peak 14:00) is a default: edit it.",
            variability
                ? "#  - variability is a default (CPU noise sigma \(Variability.cpuSigma), correlation time "
                    + "\(Variability.cpuCorrelationTime); memory noise\n#    sigma \(Variability.memorySigma)) so that "
                    + "replications differ; --no-variability leaves it out."
                : "#  - no noise (--no-variability): every replication of a run is identical.",
            "#  - power models are estimates from core counts; put measured or SPECpower values if you have them.",
            "#  - CPU generations come from the CPU model strings (see the comment above each host profile).",
        ]
        lines.append("# Summary:")
        lines += plan.summary.map { "#  - " + YAMLText.comment($0) }
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
            let settings = profile.settings
            if settings.cpuShares != "normal" { lines.append("    shares: \(settings.cpuShares)") }
            if settings.cpuReservationMHz > 0 { lines.append("    reservation_mhz: \(settings.cpuReservationMHz)") }
            if let limit = settings.cpuLimitMHz { lines.append("    limit_mhz: \(limit)") }
            if settings.memoryReservationMB > 0 {
                lines.append("    memory_reservation_gb: \(YAMLText.decimal(Double(settings.memoryReservationMB) / 1024, places: 10))")
            }
            if let limit = settings.memoryLimitMB {
                lines.append("    memory_limit_gb: \(YAMLText.decimal(Double(limit) / 1024, places: 10))")
            }
            if settings.memoryShares != "normal" { lines.append("    memory_shares: \(settings.memoryShares)") }
            if !settings.restartPriority.isEmpty { lines.append("    restart_priority: \(settings.restartPriority)") }
            lines.append("    workload:")
            var cpu = "      cpu: {mean: \(YAMLText.decimal(profile.cpuMean, places: 3)), diurnal: {amplitude: 0.3, peak_hour: 14}"
            if variability {
                cpu += ", noise: {sigma: \(Variability.cpuSigma), correlation_time: \(Variability.cpuCorrelationTime)}"
            }
            lines.append(cpu + "}")
            var memory: [String] = []
            if let active = profile.activeFraction { memory.append("active_fraction: \(YAMLText.decimal(active, places: 2))") }
            if let consumed = profile.consumedFraction {
                memory.append("consumed_fraction: \(YAMLText.decimal(max(consumed, profile.activeFraction ?? 0), places: 2))")
            }
            if variability { memory.append("noise_sigma: \(Variability.memorySigma)") }
            if !memory.isEmpty { lines.append("      memory: {\(memory.joined(separator: ", "))}") }
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
                var keys = ["profile: \(group.profile)"]
                if let datastores = group.datastores {
                    keys.append("datastores: " + YAMLText.flowList(datastores, firstColumn: 0, indent: 0, width: .max))
                }
                entry(keys, names: group.names, &lines)
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
        var dpm: [String] = []
        if let enabled = cluster.dpmEnabled { dpm.append("enabled: \(enabled)") }
        if let automation = cluster.dpmAutomation { dpm.append("automation: \(automation)") }
        if !dpm.isEmpty { lines.append("    dpm: {\(dpm.joined(separator: ", "))}") }
        var ha: [String] = []
        if let enabled = cluster.haEnabled { ha.append("enabled: \(enabled)") }
        if let admission = cluster.admissionControl {
            if admission, let failures = cluster.hostFailuresToTolerate {
                ha.append("admission_control: {policy: cluster_resource_percentage, host_failures_to_tolerate: \(failures)}")
            } else {
                ha.append("admission_control: \(admission)")
            }
        }
        if !ha.isEmpty { lines.append("    ha: {\(ha.joined(separator: ", "))}") }
    }
}
