/// The evacuation of one host (docs/model.md, Maintenance, patching, failures, HA; DPM): mandatory
/// moves of every VM on it that is not migrating, largest memory footprint first (ties to the lower
/// index), each to the compatible `on` host that satisfies its rules (`must` and VM-VM
/// anti-affinity always; `should` and affinity when possible), has room on a what-if snapshot and
/// for its reservations, and is least loaded after the move (ties to the lower index).
///
/// A plan is followed one move at a time: the runtime submits each move ``nextMove(rules:admits:)``
/// gives and reports whether vMotion accepted it (``submitted(_:accepted:)``). An accepted move is
/// applied to the snapshot, so later VMs see it; a rejected one is not. Host-level admission
/// (`admits(v, d)`: ``ClusterState/admitsReservations(_:on:)``) is asked at each step, since a
/// started migration reserves on its destination. `homeless`
/// gathers the VMs that found no destination or whose move was rejected, in resident order.
struct EvacuationPlan {
    let source: Int
    private var snapshot: BalanceSnapshot
    private let compatibility: CompatibilityView
    private let residents: [Int]
    private var next = 0
    private(set) var homeless: [Int] = []

    /// A plan for host `source` over `snapshot` (which it takes out of the destinations) and the
    /// vMotion checks of `compatibility`, host states and placements as they are now.
    init(source: Int, snapshot: BalanceSnapshot, compatibility: CompatibilityView, vms: VMTable) {
        self.source = source
        self.snapshot = snapshot
        self.snapshot.participates[source] = false
        self.compatibility = compatibility
        let fp = vms.footprintMB
        residents = (0..<vms.count).filter { Int(vms.host[$0]) == source && !vms.migrating[$0] }
            .sorted { fp[$0] > fp[$1] || (fp[$0] == fp[$1] && $0 < $1) }
    }

    /// The next VM to move and its destination; VMs without a destination on the way are homeless.
    /// Nil when every resident has been planned.
    mutating func nextMove(rules: RuleBook, admits: (Int, Int) -> Bool) -> (vm: Int, destination: Int)? {
        while next < residents.count {
            let v = residents[next]
            next += 1
            if let d = destination(v, rules: rules, admits: admits) { return (v, d) }
            homeless.append(v)
        }
        return nil
    }

    /// The runtime submitted `move`: accepted moves count on the snapshot, rejected VMs are homeless.
    mutating func submitted(_ move: (vm: Int, destination: Int), accepted: Bool) {
        if accepted {
            snapshot.move(move.vm, to: move.destination)
        } else {
            homeless.append(move.vm)
        }
    }

    /// VM `v`'s destination: with every rule counted, else with the hard rules only.
    func destination(_ v: Int, rules: RuleBook, admits: (Int, Int) -> Bool) -> Int? {
        for strictness in [RuleStrictness.all, .hard] {
            var best = -1, bestLoad = Double.infinity
            for d in 0..<snapshot.participates.count where d != source && snapshot.participates[d] {
                guard compatibility.compatible(v, d), snapshot.fits(v, on: d), admits(v, d),
                      rules.allows(v, on: d, strictness: strictness, hostOf: { snapshot.plannedHost[$0] }) else { continue }
                let l = snapshot.loadOf(d, cpu: snapshot.hostCPU[d] + snapshot.cpuEntitlement[v],
                                        memory: snapshot.hostMemory[d] + snapshot.memoryEntitlement[v])
                if l < bestLoad { best = d; bestLoad = l }
            }
            if best >= 0 { return best }
        }
        return nil
    }
}
