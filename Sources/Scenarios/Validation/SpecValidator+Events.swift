extension SpecValidator {
    /// Events: the keys their action uses, known VMs and hosts, migrations inside one cluster.
    func checkEvents(_ expansion: EntityExpansion) {
        guard !spec.events.isEmpty else { return }
        var hostCluster: [String: Int] = [:]
        var vmCluster: [String: Int] = [:]
        for (index, cluster) in expansion.clusters.enumerated() {
            for host in cluster.hosts where hostCluster[host.name] == nil { hostCluster[host.name] = index }
            for vm in cluster.vms where vmCluster[vm.name] == nil { vmCluster[vm.name] = index }
        }
        for (index, event) in spec.events.enumerated() {
            let path = SpecPath.root.key("events").index(index)
            let needsVM = event.action == .migrate
            let given: [(key: String, present: Bool, used: Bool)] = [
                ("vm", event.vm != nil, needsVM),
                ("to", event.to != nil, needsVM),
                ("host", event.host != nil, !needsVM),
                ("for", event.forDuration != nil, event.action == .enterMaintenance),
                ("repair_after", event.repairAfter != nil, event.action == .failHost),
            ]
            for item in given where item.present && !item.used {
                report("'\(item.key)' is not used by action \(event.action.rawValue)", at: path.key(item.key))
            }
            if needsVM {
                checkMigration(event, vmCluster: vmCluster, hostCluster: hostCluster, at: path)
            } else if let host = event.host {
                if hostCluster[host] == nil { report("unknown host '\(host)'\(nameHint(host, hostCluster))", at: path.key("host")) }
            } else {
                report("action \(event.action.rawValue) needs host", at: path.key("host"))
            }
            if let length = event.forDuration {
                require(length > .zero, "for must be longer than 0s", at: path.key("for"))
            }
            if let repair = event.repairAfter {
                require(repair > .zero, "repair_after must be longer than 0s", at: path.key("repair_after"))
            }
        }
    }

    private func checkMigration(_ event: EventSpec, vmCluster: [String: Int], hostCluster: [String: Int], at path: SpecPath) {
        guard let vm = event.vm else {
            report("action migrate needs vm", at: path.key("vm"))
            return
        }
        guard let destination = event.to else {
            report("action migrate needs to (the destination host)", at: path.key("to"))
            return
        }
        let vmIndex = vmCluster[vm]
        let hostIndex = hostCluster[destination]
        if vmIndex == nil { report("unknown VM '\(vm)'\(nameHint(vm, vmCluster))", at: path.key("vm")) }
        if hostIndex == nil { report("unknown host '\(destination)'\(nameHint(destination, hostCluster))", at: path.key("to")) }
        if let vmIndex, let hostIndex, vmIndex != hostIndex {
            report("VM '\(vm)' is in cluster '\(spec.clusters[vmIndex].name)' but host '\(destination)' is in cluster "
                   + "'\(spec.clusters[hostIndex].name)'; migrations stay inside a cluster", at: path.key("to"))
        }
    }

    /// A "did you mean" hint among the keys of `known` (skipped for very large inventories).
    private func nameHint(_ name: String, _ known: [String: Int]) -> String {
        known.count <= 10_000 ? KeySuggestion.hint(for: name, in: known.keys.sorted(), maximumDistance: 1) : ""
    }

    /// Maintenance windows: a known cluster, known hosts of it, and hosts left to run the VMs.
    func checkMaintenanceWindows(_ expansion: EntityExpansion) {
        let clusterNames = spec.clusters.map(\.name)
        for (index, window) in spec.maintenanceWindows.enumerated() {
            let path = SpecPath.root.key("maintenance_windows").index(index)
            require(window.hostsAtOnce >= 1, "hosts_at_once must be at least 1 (got \(window.hostsAtOnce))",
                    at: path.key("hosts_at_once"))
            guard let clusterIndex = clusterNames.firstIndex(of: window.cluster) else {
                report("unknown cluster '\(window.cluster)'\(KeySuggestion.hint(for: window.cluster, in: clusterNames))"
                       + " (defined: \(clusterNames.joined(separator: ", ")))", at: path.key("cluster"))
                continue
            }
            let hosts = expansion.clusters[clusterIndex].hosts
            let hostNames = Set(hosts.map(\.name))
            if window.hostsAtOnce >= hosts.count, window.hostsAtOnce >= 1, !hosts.isEmpty {
                report("hosts_at_once (\(window.hostsAtOnce)) leaves no host of the \(hosts.count) in '\(window.cluster)' "
                       + "to run the VMs", at: path.key("hosts_at_once"))
            }
            guard let listed = window.hosts else { continue }
            require(!listed.isEmpty, "hosts must list at least one host (leave it out to patch every host)", at: path.key("hosts"))
            var seen = Set<String>()
            for (position, host) in listed.enumerated() {
                checkKnown(host, in: hostNames, what: "host", cluster: window.cluster, at: path.key("hosts").index(position))
                if !seen.insert(host).inserted { report("'\(host)' is listed twice", at: path.key("hosts").index(position)) }
            }
        }
    }
}
