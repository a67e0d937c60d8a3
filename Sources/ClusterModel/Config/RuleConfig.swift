/// A DRS rule (DESIGN §4.5, vmware-facts §1.4) with names resolved to indices.
public struct RuleConfig: Sendable {
    public enum Kind: Sendable { case affinity, antiAffinity, vmHost }
    public enum Mode: Sendable { case must, should }
    public enum Relation: Sendable { case runOn, notRunOn }

    public var name: String
    public var kind: Kind
    /// VMs the rule binds (for vm_host: the VM group's members).
    public var vms: [Int32]
    /// Hosts of the host group (vm_host only).
    public var hosts: [Int32]
    public var mode: Mode
    public var relation: Relation

    public init(name: String, kind: Kind, vms: [Int32], hosts: [Int32] = [], mode: Mode = .must, relation: Relation = .runOn) {
        self.name = name; self.kind = kind; self.vms = vms; self.hosts = hosts.sorted(); self.mode = mode; self.relation = relation
    }
}
