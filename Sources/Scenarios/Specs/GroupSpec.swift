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
