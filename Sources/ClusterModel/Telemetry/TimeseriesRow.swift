import SimKernel

/// One row of `timeseries.csv`: a cluster's state over the sample interval starting at `time`.
/// Column meanings: docs/outputs.md.
public struct TimeseriesRow: Sendable {
    public var time: SimTime = .zero
    public var hostsOn: Int = 0
    public var hostsStandby: Int = 0
    public var hostsTransitioning: Int = 0
    public var hostsMaintenance: Int = 0
    public var hostsFailed: Int = 0
    public var vmsRunning: Int = 0
    public var vmsDown: Int = 0
    public var cpuDemandMHz: Double = 0
    public var cpuCapacityMHz: Double = 0
    public var cpuServedMHz: Double = 0
    public var cpuUnmetMHz: Double = 0
    public var memoryDemandMB: Double = 0
    public var memoryCapacityMB: Double = 0
    public var chlsd: Double = 0
    public var thlsd: Double = 0
    public var maxHostCPUUtilization: Double = 0
    public var minHostCPUUtilization: Double = 0
    public var powerW: Double = 0
    /// Cumulative IT energy from t = 0 to `time`.
    public var energyKWh: Double = 0
    public var migrationsActive: Int = 0
    public var migrationsStarted: Int = 0
    public var migrationsQueued: Int = 0
    /// Migration downtime that ended in the previous interval.
    public var downtimeMS: Double = 0
    /// Running VMs whose demand exceeded their vCPUs (the excess is in demand and unmet).
    public var vmsVCPUSaturated: Int = 0
    /// Memory of running VMs (configured, consumed, active) and what was reclaimed from them, MB.
    public var memoryConfiguredMB: Double = 0
    public var memoryConsumedMB: Double = 0
    public var memoryActiveMB: Double = 0
    public var memoryBalloonedMB: Double = 0
    public var memoryCompressedMB: Double = 0
    public var memorySwappedMB: Double = 0
    /// Active memory not resident (memory contention), MB.
    public var memoryContentionMB: Double = 0
    /// Hosts whose memory state is soft, hard or low.
    public var hostsMemorySoftOrWorse: Int = 0
    /// Sum and count of the cluster DRS scores of the score passes in the interval.
    public var drsScoreSum: Double = 0
    public var drsScorePasses: Int = 0
    /// Mean cluster DRS score over the interval's score passes (nil: classic DRS, or no pass).
    public var drsScore: Double? { drsScorePasses > 0 ? drsScoreSum / Double(drsScorePasses) : nil }

    public init() {}
}
