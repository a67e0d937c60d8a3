/// The `host_groups:` or `vm_groups:` mapping of a cluster (`{fast: [prod-a-esx01, prod-a-esx02]}`),
/// with the groups kept in file order. Encodes as that mapping.
public struct GroupMapSpec: Codable, Hashable, Sendable {
    /// The groups, in file order.
    public var groups: [GroupSpec]

    /// A mapping of groups.
    public init(_ groups: [GroupSpec] = []) {
        self.groups = groups
    }

    /// The members of the group called `name`, or nil.
    public func members(of name: String) -> [String]? {
        groups.first { $0.name == name }?.members
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: DynamicKey.self)
        groups = try container.allKeys.map { GroupSpec(name: $0.stringValue, members: try container.decode([String].self, forKey: $0)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: DynamicKey.self)
        for group in groups {
            try container.encode(group.members, forKey: DynamicKey(group.name))
        }
    }
}

extension GroupMapSpec {
    /// Reads a `host_groups:` or `vm_groups:` mapping.
    init(reading m: MappingReader<NamedEntries>) {
        self.init(m.entries().compactMap { entry in
            guard let members = entry.value.node.isNull ? [] : entry.value.stringList() else { return nil }
            return GroupSpec(name: entry.name, members: members)
        })
    }
}

/// A named group of hosts or VMs (DRS groups), one entry of `host_groups:` or `vm_groups:`.
public struct GroupSpec: Codable, Hashable, Sendable {
    /// Group name.
    public var name: String
    /// Member host or VM names.
    public var members: [String]

    /// A group.
    public init(name: String, members: [String]) {
        self.name = name
        self.members = members
    }
}
