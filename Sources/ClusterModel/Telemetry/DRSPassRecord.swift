import SimKernel

/// One row of `drs_passes.csv`: what a DRS pass saw, planned and did.
public struct DRSPassRecord: Sendable {
    public var time: SimTime = .zero
    public var hostsOn = 0
    public var chlsdBefore = 0.0
    /// CHLSD of the snapshot after all planned moves.
    public var chlsdAfter = 0.0
    public var thlsd = 0.0
    /// Largest CPU or memory utilization gap between two hosts (pairwise balancing).
    public var pairwiseGap = 0.0
    /// `none`, `chlsd` or `pairwise`.
    public var trigger = "none"
    /// Recommendations by priority 1…5.
    public var recommended: [Int] = [0, 0, 0, 0, 0]
    public var applied = 0
    public var skippedPriority = 0
    public var skippedCostBenefit = 0
    public var skippedAutomation = 0
    public var skippedRejected = 0
    /// (VM, destination) pairs evaluated: the deterministic measure of the pass's work.
    public var candidatesEvaluated = 0
    /// The algorithm of the pass.
    public var algorithm = BalancingAlgorithm.classic
    /// Running VMs by VM DRS score bucket 0–20 … 80–100 (score passes; nil for classic).
    public var scoreBuckets: [Int]?
    /// VM-weighted mean VM DRS score before the pass's moves (score passes with running VMs).
    public var clusterScore: Double?
    public init() {}
}
