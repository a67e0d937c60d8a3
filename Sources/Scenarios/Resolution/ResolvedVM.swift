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
