/// A DRS load-balancing algorithm (docs/architecture.md, "Adding a balancing policy"): it reads a
/// read-only ``BalancingView`` of the cluster and returns recommended moves; the runtime applies
/// them by automation level through the vMotion engine (`requestMigration`) and records the pass.
/// Built in: ``ClassicDRS`` (vSphere 4.1–6.7) and ``ScoreBalancer`` (vSphere 7+); a caller may pass its own to
/// ``ClusterRuntime/init(config:settings:recorder:balancingPolicy:)``.
public protocol BalancingPolicy {
    /// Which algorithm this is (the `algorithm` column of `drs_passes.csv`).
    var algorithm: BalancingAlgorithm { get }
    /// Plans one pass on `view`: the moves to recommend, in order, and what the pass saw.
    func plan(_ view: BalancingView) -> BalancingPlan
}

/// One recommended move: VM `vm` to host `destination`, with the recommendation's priority
/// (1 = mandatory … 5) that the migration threshold is compared with.
public struct BalancingMove: Equatable, Sendable {
    public var vm: Int
    public var destination: Int
    public var priority: Int

    public init(vm: Int, destination: Int, priority: Int) {
        self.vm = vm
        self.destination = destination
        self.priority = priority
    }
}

/// What a balancing pass planned and what it saw.
public struct BalancingPlan: Sendable {
    public var moves: [BalancingMove] = []
    /// (VM, destination) pairs evaluated.
    public var candidatesEvaluated = 0
    /// VM DRS scores (0–100) before the moves, by VM (NaN: not running; empty: not scored).
    public var scores: [Double] = []
    /// VM-weighted mean of the VM scores before the moves (nil when no VM runs or none is scored).
    public var clusterScore: Double?
    /// Why the pass looked for moves (`drs_passes.csv` `trigger`), `none` when it did not.
    public var trigger = "none"
    /// 1 when a move was dropped for its migration cost.
    public var skippedCostBenefit = 0
    /// 1 when the pass stopped at a move whose priority its threshold rejects.
    public var skippedPriority = 0
    /// The host load standard deviation the pass aims at (`drs_passes.csv` `thlsd`; 0 when the
    /// policy has no such target).
    public var thlsd = 0.0

    public init() {}
}
