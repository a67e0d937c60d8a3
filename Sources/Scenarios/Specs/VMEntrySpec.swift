/// One line of a cluster's `vms:` list: a VM group of one profile, `count` VMs named
/// `<name>-NNNN` or the VMs listed in `names`, on one datastore and network, with optional churn.
public struct VMEntrySpec: Codable, Hashable, Sendable {
    /// VM profile name (required).
    public var profile: String
    /// Group name, the prefix of generated VM names. Default: the profile's name.
    public var name: String
    /// Number of VMs with generated names (≥ 1, or ≥ 0 with `churn`). Give `count` or `names`.
    public var count: Int?
    /// Explicit VM names.
    public var names: [String]?
    /// Datastore of the VMs' disks. Default: the cluster's first datastore.
    public var datastore: String
    /// Port group of the VMs. Default: the cluster's first network.
    public var network: String
    /// VM arrivals and departures. Default none.
    public var churn: ChurnSpec?

    /// `count` VMs of `profile`, on the given datastore and network.
    public init(profile: String, name: String? = nil, count: Int, datastore: String, network: String) {
        self.profile = profile
        self.name = name ?? profile
        self.count = count
        self.datastore = datastore
        self.network = network
    }

    /// How many VMs the entry creates at t = 0.
    public var vmCount: Int { names?.count ?? max(0, count ?? 0) }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case profile, name, count, names, datastore, network, churn
    }
}

extension VMEntrySpec {
    /// Reads one element of a cluster's `vms:`; `datastore` and `network` default to the cluster's.
    init(reading m: MappingReader<CodingKeys>, defaultDatastore: String, defaultNetwork: String) {
        profile = m.required(.profile) { $0.string() } ?? ""
        name = m.string(.name) ?? profile
        count = m.int(.count)
        names = m.stringList(.names)
        datastore = m.string(.datastore) ?? defaultDatastore
        network = m.string(.network) ?? defaultNetwork
        churn = m.mapping(.churn, ChurnSpec.init(reading:))
    }
}
