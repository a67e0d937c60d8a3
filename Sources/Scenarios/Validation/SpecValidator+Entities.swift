extension SpecValidator {
    /// Host names and VM names must each be unique in the whole scenario.
    func checkEntityNames(_ expansion: EntityExpansion) {
        var hostOrigins: [String: SpecPath] = [:]
        var vmOrigins: [String: SpecPath] = [:]
        for cluster in expansion.clusters {
            for (host, source) in zip(cluster.hosts, cluster.hostSources) {
                if let first = hostOrigins[host.name] {
                    report("duplicate host name '\(host.name)' (also from \(first))", at: source)
                } else {
                    hostOrigins[host.name] = source
                }
            }
            for (vm, source) in zip(cluster.vms, cluster.vmSources) {
                if let first = vmOrigins[vm.name] {
                    report("duplicate VM name '\(vm.name)' (also from \(first))", at: source)
                } else {
                    vmOrigins[vm.name] = source
                }
            }
        }
    }

    /// Every VM entry needs a host that mounts its datastore, has its network and is big enough.
    func checkPlacement(_ cluster: ClusterSpec, catalog: ClusterCatalog, at clusterPath: SpecPath) {
        let hostEntries = cluster.hosts.compactMap { entry -> (entry: HostEntrySpec, profile: HostProfileSpec)? in
            guard entry.hostCount > 0, let index = spec.hostProfileIndex(named: entry.profile) else { return nil }
            return (entry, spec.hostProfiles[index])
        }
        guard !hostEntries.isEmpty else { return }
        for (index, entry) in cluster.vms.enumerated() {
            let path = clusterPath.key("vms").index(index)
            let storageOK = hostEntries.filter { ($0.entry.datastores ?? cluster.datastores).contains(entry.datastore) }
            let reachable = storageOK.filter { ($0.entry.networks ?? cluster.networks).contains(entry.network) }
            if storageOK.isEmpty {
                report("no host of cluster '\(cluster.name)' mounts datastore '\(entry.datastore)'", at: path.key("datastore"))
            } else if reachable.isEmpty {
                report("no host of cluster '\(cluster.name)' that mounts '\(entry.datastore)' has network '\(entry.network)'",
                       at: path.key("network"))
            }
            guard let profileIndex = spec.vmProfileIndex(named: entry.profile) else { continue }
            let vm = spec.vmProfiles[profileIndex]
            let sized = hostEntries.filter { $0.profile.memoryGB > 0 && $0.profile.cpu.totalCores >= 1 }
            let fits = sized.contains { vm.memoryGB <= $0.profile.memoryGB && vm.vcpus <= $0.profile.cpu.totalCores }
            if !fits, !sized.isEmpty, vm.vcpus >= 1, vm.memoryGB > 0 {
                let largest = sized.map(\.profile).max { ($0.memoryGB, $0.cpu.totalCores) < ($1.memoryGB, $1.cpu.totalCores) }
                let shown = largest.map { " (largest: '\($0.name)', \($0.cpu.totalCores) cores, \(Self.show($0.memoryGB)) GB)" } ?? ""
                report("VM profile '\(vm.name)' (\(vm.vcpus) vCPUs, \(Self.show(vm.memoryGB)) GB) is larger than every host "
                       + "of cluster '\(cluster.name)'\(shown)", at: path.key("profile"))
            }
        }
    }

    /// Reports `name` unless it is one of `known`, with the closest known name.
    func checkKnown(_ name: String, in known: Set<String>, what: String, cluster: String, at path: SpecPath) {
        guard !known.contains(name) else { return }
        let hint = known.count <= 10_000 ? KeySuggestion.hint(for: name, in: known.sorted(), maximumDistance: 1) : ""
        report("unknown \(what) '\(name)' in cluster '\(cluster)'\(hint)", at: path)
    }
}
