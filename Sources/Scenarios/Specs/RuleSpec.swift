/// A DRS rule of a cluster (docs/model.md "DRS"): VM-VM affinity or anti-affinity, or a VM-Host rule
/// (`must`/`should` `run_on`/`not_run_on` a host group). `must` is never broken by DRS, DPM or
/// maintenance; `should` is dropped when it cannot be met.
public struct RuleSpec: Codable, Hashable, Sendable {
    /// What the rule constrains.
    public enum Kind: String, SpecEnum {
        /// The VMs run on the same host.
        case affinity
        /// The VMs run on different hosts.
        case antiAffinity = "anti_affinity"
        /// The VMs of `vm_group` run (or do not run) on the hosts of `host_group`.
        case vmHost = "vm_host"
    }

    /// How hard the rule is.
    public enum Mode: String, SpecEnum {
        case must, should
    }

    /// Direction of a VM-Host rule.
    public enum Relation: String, SpecEnum {
        case runOn = "run_on"
        case notRunOn = "not_run_on"
    }

    /// Rule name, unique in its cluster. Default `rule-<n>` (1-based position in `rules`).
    public var name: String
    /// Kind (required).
    public var kind: Kind
    /// The VMs of an affinity / anti-affinity rule (≥ 2), or of a VM-Host rule instead of `vm_group`.
    public var vms: [String]?
    /// A VM group of the cluster (VM-Host rules; VM-VM rules may use it instead of `vms`).
    public var vmGroup: String?
    /// A host group of the cluster (VM-Host rules only, required there).
    public var hostGroup: String?
    /// `must` or `should`. Default `should` for VM-Host rules, `must` for VM-VM rules.
    public var mode: Mode
    /// `run_on` or `not_run_on` (VM-Host rules only). Default `run_on`.
    public var relation: Relation?

    /// A rule.
    public init(name: String, kind: Kind, vms: [String]? = nil, vmGroup: String? = nil, hostGroup: String? = nil,
                mode: Mode? = nil, relation: Relation? = nil) {
        self.name = name
        self.kind = kind
        self.vms = vms
        self.vmGroup = vmGroup
        self.hostGroup = hostGroup
        self.mode = mode ?? (kind == .vmHost ? .should : .must)
        self.relation = kind == .vmHost ? (relation ?? .runOn) : relation
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, kind, vms
        case vmGroup = "vm_group"
        case hostGroup = "host_group"
        case mode, relation
    }
}

extension RuleSpec {
    /// Reads one element of a cluster's `rules:`; `position` is its 0-based index.
    init(reading m: MappingReader<CodingKeys>, position: Int) {
        let name = m.string(.name)
        let kind = m.required(.kind) { $0.enumValue(Kind.self) }
        self.init(name: name ?? "rule-\(position + 1)",
                  kind: kind ?? .affinity,
                  vms: m.stringList(.vms),
                  vmGroup: m.string(.vmGroup),
                  hostGroup: m.string(.hostGroup),
                  mode: m.enumValue(.mode, Mode.self),
                  relation: m.enumValue(.relation, Relation.self))
    }
}
