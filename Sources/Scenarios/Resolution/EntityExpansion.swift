/// Expands host and VM entries into individual hosts and VMs, in a deterministic order: clusters in
/// file order, entries in file order, then numbering (see ``EntityNaming``). Entries whose profile
/// is unknown are skipped (validation reports them).
struct EntityExpansion {
    /// The hosts and VMs of one cluster, with where each came from.
    struct Cluster {
        var hosts: [ResolvedHost] = []
        var vms: [ResolvedVM] = []
        /// Key path of each host's origin (`names[k]` element or the entry's `count`).
        var hostSources: [SpecPath] = []
        /// Key path of each VM's origin.
        var vmSources: [SpecPath] = []
        /// The template VM of each entry with `churn` but no VMs of its own (``ResolvedCluster/churnTemplates``).
        var churnTemplates: [ResolvedVM] = []
    }

    /// One element per cluster, in order.
    var clusters: [Cluster] = []

    /// Expands every cluster of `spec`; `recordSources` keeps the origin paths (for validation).
    init(spec: ScenarioSpec, recordSources: Bool) {
        var generatedPerGroup: [String: Int] = [:]
        for cluster in spec.clusters {
            for entry in cluster.vms where entry.names == nil {
                generatedPerGroup[entry.name, default: 0] += max(0, entry.count ?? 0)
            }
        }
        var nextNumber: [String: Int] = [:]
        for (clusterIndex, cluster) in spec.clusters.enumerated() {
            let clusterPath = SpecPath.root.key("clusters").index(clusterIndex)
            var expanded = Cluster()
            let generatedHosts = cluster.hosts.reduce(0) { $0 + ($1.names == nil ? max(0, $1.count ?? 0) : 0) }
            let hostWidth = EntityNaming.digits(generatedHosts)
            var hostNumber = 0
            var slowestMHz = Int.max
            for (entryIndex, entry) in cluster.hosts.enumerated() {
                guard let profileIndex = spec.hostProfileIndex(named: entry.profile) else { continue }
                slowestMHz = min(slowestMHz, spec.hostProfiles[profileIndex].cpu.mhz)
                let entryPath = clusterPath.key("hosts").index(entryIndex)
                let datastores = entry.datastores ?? cluster.datastores
                let networks = entry.networks ?? cluster.networks
                func add(_ name: String, _ source: SpecPath) {
                    expanded.hosts.append(ResolvedHost(name: name, profileIndex: profileIndex, entryIndex: entryIndex,
                                                       datastores: datastores, networks: networks))
                    if recordSources { expanded.hostSources.append(source) }
                }
                if let names = entry.names {
                    for (position, name) in names.enumerated() { add(name, entryPath.key("names").index(position)) }
                } else {
                    for _ in 0..<max(0, entry.count ?? 0) {
                        hostNumber += 1
                        add(EntityNaming.hostName(cluster: cluster.name, number: hostNumber, width: hostWidth),
                            entryPath.key("count"))
                    }
                }
            }
            for (entryIndex, entry) in cluster.vms.enumerated() {
                guard let profileIndex = spec.vmProfileIndex(named: entry.profile) else { continue }
                let entryPath = clusterPath.key("vms").index(entryIndex)
                let vcpuMHz = spec.vmProfiles[profileIndex].vcpuMHz ?? (slowestMHz == Int.max ? 0 : slowestMHz)
                func vm(_ name: String) -> ResolvedVM {
                    ResolvedVM(name: name, group: entry.name, profileIndex: profileIndex, entryIndex: entryIndex,
                               datastore: entry.datastore, network: entry.network, vcpuMHz: vcpuMHz)
                }
                func add(_ name: String, _ source: SpecPath) {
                    expanded.vms.append(vm(name))
                    if recordSources { expanded.vmSources.append(source) }
                }
                if let names = entry.names {
                    for (position, name) in names.enumerated() { add(name, entryPath.key("names").index(position)) }
                } else {
                    let width = EntityNaming.digits(generatedPerGroup[entry.name] ?? 0)
                    for _ in 0..<max(0, entry.count ?? 0) {
                        let number = (nextNumber[entry.name] ?? 0) + 1
                        nextNumber[entry.name] = number
                        add(EntityNaming.vmName(group: entry.name, number: number, width: width), entryPath.key("count"))
                    }
                }
                // Churn arrivals copy the entry's first VM; an entry without one gets a template
                // named after the entry.
                if entry.churn != nil && !expanded.vms.contains(where: { $0.entryIndex == entryIndex }) {
                    expanded.churnTemplates.append(vm(entry.name))
                }
            }
            clusters.append(expanded)
        }
    }
}
