/// Which rules a placement check counts.
public enum RuleStrictness: Sendable {
    /// Every rule.
    case all
    /// Every rule but VM-VM affinity (checked once a whole group has moved, e.g. a what-if evacuation).
    case allButAffinity
    /// The rules maintenance and DPM never break: VM-Host `must` and VM-VM anti-affinity
    /// (docs/model.md, DRS and DPM). `should` VM-Host rules and affinity may give way.
    case hard
    /// VM-Host `must` only (power-on and HA when nothing else fits).
    case mustOnly
}

/// The DRS rules of a cluster indexed by VM, answering "may VM v run on host h given where the
/// others are?" (docs/model.md, DRS rules: `must` is never broken by DRS, DPM or maintenance; `should`
/// is honoured when possible).
public struct RuleBook: Sendable {
    public let rules: [RuleConfig]
    /// Rule indices per VM, ascending.
    public let rulesOfVM: [[Int32]]
    /// Whether VM v is bound by an affinity rule (such VMs move only to rejoin their group).
    public let inAffinity: [Bool]

    public init(rules: [RuleConfig], vmCount: Int) {
        self.rules = rules
        var per = Array(repeating: [Int32](), count: vmCount)
        var aff = Array(repeating: false, count: vmCount)
        for (i, r) in rules.enumerated() {
            for v in r.vms {
                per[Int(v)].append(Int32(i))
                if r.kind == .affinity { aff[Int(v)] = true }
            }
        }
        rulesOfVM = per
        inAffinity = aff
    }

    /// Whether VM `v` may be on host `h` when the other VMs are where `hostOf` says.
    /// With `mustOnly`, only VM-Host `must` rules count: the relaxed check used at power-on and
    /// by HA when nothing else fits (VM-VM violations are then corrected by DRS's priority-1 moves).
    public func allows(_ v: Int, on h: Int, mustOnly: Bool = false, hostOf: (Int) -> Int32) -> Bool {
        allows(v, on: h, strictness: mustOnly ? .mustOnly : .all, hostOf: hostOf)
    }

    /// Whether VM `v` may be on host `h` counting only the rules `strictness` names.
    public func allows(_ v: Int, on h: Int, strictness: RuleStrictness, hostOf: (Int) -> Int32) -> Bool {
        for ri in rulesOfVM[v] {
            let r = rules[Int(ri)]
            switch r.kind {
            case .vmHost:
                if r.mode == .should && (strictness == .mustOnly || strictness == .hard) { continue }
                let inGroup = r.hosts.contains(Int32(h))
                if (r.relation == .runOn) != inGroup { return false }
            case .antiAffinity:
                if strictness == .mustOnly { continue }
                for o in r.vms where Int(o) != v && Int(hostOf(Int(o))) == h { return false }
            case .affinity:
                if strictness != .all { continue }
                for o in r.vms where Int(o) != v {
                    let oh = hostOf(Int(o))
                    if oh >= 0 && Int(oh) != h { return false }
                }
            }
        }
        return true
    }

    /// Whether VM `v` on host `h` violates one of its rules (affinity counts as violated when a
    /// running partner is elsewhere).
    public func violated(_ v: Int, on h: Int, hostOf: (Int) -> Int32) -> Bool {
        !allows(v, on: h, hostOf: hostOf)
    }
}
