/// The names a cluster's checks look up: hosts and VMs after expansion, and their groups.
struct ClusterCatalog {
    let hostNames: Set<String>
    let vmNames: Set<String>
    let hosts: [ResolvedHost]
    let vms: [ResolvedVM]

    init(cluster: ClusterSpec, expanded: EntityExpansion.Cluster) {
        hosts = expanded.hosts
        vms = expanded.vms
        hostNames = Set(expanded.hosts.map(\.name))
        vmNames = Set(expanded.vms.map(\.name))
    }
}
