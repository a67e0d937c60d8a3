/// A DRS load-balancing algorithm (DESIGN §1, STYLE "Policies choose, engines act"): it reads a
/// read-only ``BalancingView`` of the cluster and returns recommended moves; the runtime applies
/// them by automation level through the vMotion engine (`requestMigration`).
protocol BalancingPolicy {
    /// Which algorithm this is (the `algorithm` column of `drs_passes.csv`).
    var algorithm: BalancingAlgorithm { get }
    /// Plans one pass on `view`: the moves to recommend, in order, and what the pass saw.
    func plan(_ view: BalancingView) -> BalancingPlan
}

/// One recommended move: VM `vm` to host `destination`, with the recommendation's priority
/// (1 = mandatory … 5) that the migration threshold is compared with.
struct BalancingMove: Equatable {
    var vm: Int
    var destination: Int
    var priority: Int
}

/// What a balancing pass planned and what it saw.
struct BalancingPlan {
    var moves: [BalancingMove] = []
    /// (VM, destination) pairs evaluated.
    var candidatesEvaluated = 0
    /// VM DRS scores (0–100) before the moves, by VM (NaN: not running).
    var scores: [Double] = []
    /// VM-weighted mean of the VM scores before the moves (nil when no VM runs).
    var clusterScore: Double?
    /// `score` when some VM could gain enough to be moved, `none` otherwise.
    var trigger = "none"
    /// 1 when a move that raised a VM's score was dropped for its migration cost.
    var skippedCostBenefit = 0
}
