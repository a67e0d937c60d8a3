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
