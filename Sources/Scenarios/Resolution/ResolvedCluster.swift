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
