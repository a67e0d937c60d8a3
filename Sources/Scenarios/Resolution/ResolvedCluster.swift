/// A cluster with its effective settings and its hosts and VMs expanded.
public struct ResolvedCluster: Hashable, Sendable {
    /// Position in ``ScenarioSpec/clusters``.
    public var index: Int
    /// The cluster's spec (effective settings, entries not expanded).
    public var spec: ClusterSpec
    /// Hosts, in entry order then numbering.
    public var hosts: [ResolvedHost]
    /// VMs, in entry order then numbering.
    public var vms: [ResolvedVM]
    /// One template VM per VM entry with a `churn` block but no VMs of its own (`count: 0`), in
    /// entry order: the VM its churn arrivals copy. Not part of the cluster at t = 0.
    public var churnTemplates: [ResolvedVM] = []

    /// Cluster name.
    public var name: String { spec.name }
    /// Effective DRS settings (scenario defaults overridden by the cluster's block).
    public var drs: DRSSpec { spec.drs }
    /// Effective DPM settings, `min_hosts_on` filled.
    public var dpm: DPMSpec { spec.dpm }
    /// Effective vMotion settings.
    public var vmotion: VMotionSpec { spec.vmotion }
    /// Effective HA settings.
    public var ha: HASpec { spec.ha }

    /// The index in ``hosts`` of the host called `name`.
    public func hostIndex(named name: String) -> Int? {
        hosts.firstIndex { $0.name == name }
    }

    /// The index in ``vms`` of the VM called `name`.
    public func vmIndex(named name: String) -> Int? {
        vms.firstIndex { $0.name == name }
    }
}

/// One host of a cluster after expansion of its host entry.
public struct ResolvedHost: Hashable, Sendable {
    /// Host name (`<cluster>-esxNN` or from `names:`).
    public var name: String
    /// Index into ``ScenarioSpec/hostProfiles``.
    public var profileIndex: Int
    /// Index of the host entry in the cluster's `hosts:` list.
    public var entryIndex: Int
    /// Datastores the host mounts.
    public var datastores: [String]
    /// Port groups present on the host.
    public var networks: [String]
}

/// One VM of a cluster after expansion of its VM entry.
public struct ResolvedVM: Hashable, Sendable {
    /// VM name (`<group>-NNNN` or from `names:`); unique in the scenario.
    public var name: String
    /// VM group name (the entry's `name`, default its profile's name).
    public var group: String
    /// Index into ``ScenarioSpec/vmProfiles``.
    public var profileIndex: Int
    /// Index of the VM entry in the cluster's `vms:` list.
    public var entryIndex: Int
    /// Datastore of the VM's disk.
    public var datastore: String
    /// Port group of the VM.
    public var network: String
    /// A vCPU's nominal speed in MHz: the profile's `vcpu_mhz`, else the cluster's slowest core.
    public var vcpuMHz: Int
}
