/// One line of a cluster's `hosts:` list: `count` hosts (named `<cluster>-esxNN`) or the hosts
/// listed in `names`, all of one profile, optionally with their own datastores and networks.
public struct HostEntrySpec: Codable, Hashable, Sendable {
    /// Host profile name (required).
    public var profile: String
    /// Number of hosts with generated names (≥ 1). Give `count` or `names`, not both.
    public var count: Int?
    /// Explicit host names (an imported inventory keeps its real names).
    public var names: [String]?
    /// Datastores mounted by these hosts. Default: the cluster's `datastores`.
    public var datastores: [String]?
    /// Port groups present on these hosts. Default: the cluster's `networks`.
    public var networks: [String]?

    /// `count` hosts of `profile`.
    public init(profile: String, count: Int) {
        self.profile = profile
        self.count = count
    }

    /// The hosts named `names`, of `profile`.
    public init(profile: String, names: [String]) {
        self.profile = profile
        self.names = names
    }

    /// How many hosts the entry stands for.
    public var hostCount: Int { names?.count ?? max(0, count ?? 0) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case profile, count, names, datastores, networks
    }
}

extension HostEntrySpec {
    /// Reads one element of a cluster's `hosts:`.
    init(reading m: MappingReader<CodingKeys>) {
        profile = m.required(.profile) { $0.string() } ?? ""
        count = m.int(.count)
        names = m.stringList(.names)
        datastores = m.stringList(.datastores)
        networks = m.stringList(.networks)
    }
}
