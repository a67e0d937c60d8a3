extension InventoryPlanner {
    /// The datastores each host mounts according to vDatastore, or `nil` without the tab.
    func mountedDatastores(_ hosts: [HostRecord]) -> [Set<String>]? {
        guard let datastores else { return nil }
        var mounted: [String: Set<String>] = [:]
        for datastore in datastores {
            for host in datastore.hosts { mounted[host, default: []].insert(datastore.name) }
        }
        return hosts.map { mounted[$0.name] ?? [] }
    }

    /// Per host of the cluster (in order), the datastores it mounts among the cluster's when not
    /// all of them; `nil` = all (also without vDatastore). A datastore of the cluster's VMs that
    /// no host of the cluster mounts is taken as mounted by all of them, with a warning.
    mutating func hostDatastoreLists(_ cluster: String, hosts: [(offset: Int, element: HostRecord)],
                                     clusterDatastores: [String], mounts: [Set<String>]?) -> [[String]?] {
        guard let mounts, !clusterDatastores.isEmpty else { return hosts.map { _ in nil } }
        let unmounted = clusterDatastores.filter { name in !hosts.contains { mounts[$0.offset].contains(name) } }
        if !unmounted.isEmpty {
            warnings.append("cluster '\(cluster)': vDatastore lists none of its hosts for \(Self.examples(unmounted)); "
                + "taken as mounted by every host")
        }
        let everywhere = Set(unmounted)
        return hosts.map { host in
            let list = clusterDatastores.filter { mounts[host.offset].contains($0) || everywhere.contains($0) }
            return list.count == clusterDatastores.count ? nil : list
        }
    }
}
