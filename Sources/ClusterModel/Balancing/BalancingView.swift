/// A read-only view of one cluster for a ``BalancingPolicy``: the what-if snapshot (placement with
/// in-flight moves at their destination, windowed entitlements, capacities), the vMotion checks,
/// the rules, and what the score model reads. Built by the runtime at each pass from its tables
/// (arrays shared copy-on-write, not copied); policies never see the runtime itself.
public struct BalancingView {
    public internal(set) var snapshot: BalanceSnapshot
    let compatibility: CompatibilityView
    let rules: RuleBook
    /// VMs with a vMotion in flight or a rule fix planned this pass: not to be moved.
    public internal(set) var migrating: [Bool]
    /// Migration threshold 1…5.
    public let threshold: Int
    /// Most moves planned from one source host in a pass.
    public let moveCapPerHost: Int
    /// Physical cores and core speed (MHz) per host.
    let hostCores: [Double]
    let coreMHz: [Double]
    /// Active memory per VM, MiB, and its part that is not resident (memory contention), MiB.
    let activeMemoryMB: [Double]
    let memoryContentionMB: [Double]
    /// Each VM's demand look-back window, seconds (the horizon a move's gain is judged over).
    let lookbackSeconds: [Double]
    let migrationCost: MigrationCostInputs
    /// Where each VM runs now (-1: down) and its CPU demand in the latest sample (bounded by
    /// reservation and limit), MHz: what the reported scores are computed from, the same at
    /// every threshold (the look-back windows only steer the moves).
    public let currentHost: [Int32]
    public let currentCPUMHz: [Double]
    /// What classic DRS reads beyond the above (nil in the views of other policies).
    var classic: ClassicDRSInputs? = nil

    /// Whether VM `v` may be moved to host `d` this pass: it is planned on another host, not
    /// migrating, `d` takes part and has room (``BalanceSnapshot/fits(_:on:)``), the vMotion
    /// checks pass, and no DRS rule forbids it given where the other VMs are planned.
    public func canMove(_ v: Int, to d: Int) -> Bool {
        let s = snapshot.plannedHost[v]
        return s >= 0 && Int(s) != d && !migrating[v] && snapshot.participates[d] && snapshot.fits(v, on: d)
            && compatibility.compatible(v, d) && rules.allows(v, on: d, hostOf: { snapshot.plannedHost[$0] })
    }
}

struct MigrationCostInputs {
    let memoryMB: [Double]
    let dirtyRateMbps: [Double]
    /// Usable vMotion link rate per host, Mbit/s, and vMotions already holding each host's NIC.
    let linkMbps: [Double]
    let networkStreams: [Int]
    let switchoverGoalSeconds: Double
    let resumeSeconds: Double

    /// Estimated (copy duration, downtime) in seconds of moving VM `v` from `s` to `d`.
    func estimate(_ v: Int, from s: Int, to d: Int) -> (duration: Double, downtime: Double) {
        let streams = Double(max(networkStreams[s], networkStreams[d]) + 1)
        let b = min(linkMbps[s], linkMbps[d]) / streams
        let model = PrecopyModel(memoryMbit: memoryMB[v] * DataUnits.mbitPerMiB, dirtyMbps: min(dirtyRateMbps[v], 0.5 * b),
                                 bandwidthMbps: b, switchoverGoalSeconds: switchoverGoalSeconds, resumeSeconds: resumeSeconds)
        return (model.durationSeconds, model.downtimeSeconds)
    }
}
