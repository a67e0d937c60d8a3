/// vSphere HA admission control (docs/model.md "HA admission control and restarts"). In a scenario
/// file `ha.admission_control` is either this block or a boolean: `true` is the default block,
/// `false` is `policy: disabled`.
public struct AdmissionControlSpec: Codable, Hashable, Sendable {
    /// The admission control policies of vSphere 6.5+.
    public enum Policy: String, SpecEnum {
        /// Reserve a percentage of the cluster's CPU and memory, derived from the host failures to
        /// tolerate (the default since 6.5) unless `cpu_percent`/`memory_percent` override it.
        case clusterResourcePercentage = "cluster_resource_percentage"
        /// Slots: the largest CPU and memory reservation (+ overhead) of the powered-on VMs.
        case slotPolicy = "slot_policy"
        /// Dedicated failover hosts that take no VMs until a failure.
        case failoverHosts = "failover_hosts"
        /// No admission control.
        case disabled
    }

    /// The policy. Default `cluster_resource_percentage`.
    public var policy = Policy.clusterResourcePercentage
    /// Host failures the cluster tolerates (≥ 1). Default 1.
    public var hostFailuresToTolerate = 1
    /// CPU failover capacity in percent of the cluster (0–100) overriding the derived value. Default none.
    public var cpuPercent: Double?
    /// Memory failover capacity in percent of the cluster (0–100) overriding the derived value. Default none.
    public var memoryPercent: Double?
    /// The dedicated failover hosts (policy `failover_hosts` only). Default none.
    public var failoverHosts: [String] = []
    /// "Performance degradation VMs tolerate", a fraction 0–1 (1 = never warn). Default 1.
    public var performanceDegradationTolerated = 1.0

    /// vSphere's default: the percentage policy tolerating one host failure.
    public init(policy: Policy = .clusterResourcePercentage) {
        self.policy = policy
    }

    /// Whether admission control is on.
    public var isEnabled: Bool { policy != .disabled }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case policy
        case hostFailuresToTolerate = "host_failures_to_tolerate"
        case cpuPercent = "cpu_percent"
        case memoryPercent = "memory_percent"
        case failoverHosts = "failover_hosts"
        case performanceDegradationTolerated = "performance_degradation_tolerated"
    }
}

extension AdmissionControlSpec {
    /// Reads `admission_control:` as a boolean (`false` = disabled, `true` = the defaults'
    /// policy, or the percentage policy when they disable it) or as a block whose missing keys keep
    /// the values of `defaults`.
    static func read(_ reader: NodeReader, defaults: AdmissionControlSpec) -> AdmissionControlSpec? {
        if case .scalar = reader.node {
            guard let enabled = reader.bool() else { return nil }
            var spec = defaults
            if !enabled {
                spec.policy = .disabled
            } else if spec.policy == .disabled {
                spec.policy = .clusterResourcePercentage
            }
            return spec
        }
        return reader.mapping { (m: MappingReader<CodingKeys>) in
            var spec = defaults
            if let value = m.enumValue(.policy, Policy.self) { spec.policy = value }
            if let value = m.int(.hostFailuresToTolerate) { spec.hostFailuresToTolerate = value }
            if let value = m.double(.cpuPercent) { spec.cpuPercent = value }
            if let value = m.double(.memoryPercent) { spec.memoryPercent = value }
            if let value = m.stringList(.failoverHosts) { spec.failoverHosts = value }
            if let value = m.double(.performanceDegradationTolerated) { spec.performanceDegradationTolerated = value }
            return spec
        }
    }
}
