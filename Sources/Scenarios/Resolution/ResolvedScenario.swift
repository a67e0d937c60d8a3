/// The scenario as the model builder needs it: the spec with defaults filled, and per cluster the
/// effective DRS/DPM/vMotion/HA settings and the expanded host and VM lists, in a deterministic
/// order (clusters in file order, then entries, then numbering; see ``EntityNaming``).
public struct ResolvedScenario: Hashable, Sendable {
    /// The spec (defaults filled, entities not expanded).
    public var spec: ScenarioSpec
    /// The clusters, in file order.
    public var clusters: [ResolvedCluster]

    /// Resolves a validated spec. Entries naming an unknown profile are skipped (validation reports
    /// them); the spec's size limits must have been checked first, as expansion allocates every VM.
    public init(spec: ScenarioSpec) {
        self.spec = spec
        let expansion = EntityExpansion(spec: spec, recordSources: false)
        clusters = zip(spec.clusters.indices, expansion.clusters).map { index, expanded in
            ResolvedCluster(index: index, spec: spec.clusters[index], hosts: expanded.hosts, vms: expanded.vms,
                            churnTemplates: expanded.churnTemplates)
        }
    }

    /// The cluster called `name`.
    public func cluster(named name: String) -> ResolvedCluster? {
        clusters.first { $0.name == name }
    }

    /// Hosts in all clusters.
    public var totalHosts: Int { clusters.reduce(0) { $0 + $1.hosts.count } }

    /// VMs in all clusters at t = 0.
    public var totalVMs: Int { clusters.reduce(0) { $0 + $1.vms.count } }
}
