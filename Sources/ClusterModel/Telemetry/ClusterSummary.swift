import Stochastics

/// What a cluster's simulation time goes to: workload sampling (with CPU division, power and
/// the timeseries row), DRS passes, DPM passes, vMotion steps, and host lifecycle and scenario
/// events (placement, maintenance, failures, HA, churn).
public enum RunPhase: Int, Sendable, CaseIterable {
    case sampling, drs, dpm, migrations, lifecycle

    public var name: String {
        switch self {
        case .sampling: "sampling"
        case .drs: "drs"
        case .dpm: "dpm"
        case .migrations: "migrations"
        case .lifecycle: "lifecycle"
        }
    }
}

/// End-of-run figures of one cluster; a run's `summary.csv` row combines those of all clusters.
public struct ClusterSummary: Sendable {
    public var simulatedSeconds: Double = 0
    public var energyJ: Double = 0
    /// ∫ hosts_on dt, in host-seconds.
    public var hostOnSeconds: Double = 0
    /// CHLSD over all samples.
    public var chlsd = RunningStatistics()
    public var chlsdQuantiles = BinnedQuantiles(lower: 0, upper: 1, bins: 10_000)
    /// ∫ CPU demand dt and ∫ unmet CPU dt, MHz·s.
    public var cpuDemandMHzSeconds: Double = 0
    public var cpuUnmetMHzSeconds: Double = 0
    public var hostPowerCycles = 0
    public var failedAdmissions = 0
    public var haOutages = 0
    public var vmSecondsDown: Double = 0
    /// Highest configured memory of running VMs / memory of the hosts running VMs, over the samples.
    public var memoryOvercommitMax: Double = 0
    /// ∫ ballooned, swapped, contended and active memory dt, MB·s.
    public var memoryBalloonedMBSeconds: Double = 0
    public var memorySwappedMBSeconds: Double = 0
    public var memoryContentionMBSeconds: Double = 0
    public var memoryActiveMBSeconds: Double = 0
    public var migrations = MigrationStatistics()
    public var dpmPowerOffs = 0
    public var dpmPowerOns = 0
    /// ∫ hosts in standby dt, host-seconds.
    public var standbyHostSeconds = 0.0
    public var maintenanceWindowSeconds = 0.0
    public var maintenanceHostsPatched = 0
    public var maintenanceStuck = 0
    /// Wall seconds spent per ``RunPhase`` (benchmarks and the manifest only, never a CSV).
    public var phaseSeconds: [Double] = Array(repeating: 0, count: RunPhase.allCases.count)
    public var drsPasses = 0
    /// Wall time spent in DRS passes (manifest and benchmark only, never in a CSV).
    public var drsPassWallSeconds = 0.0
    /// The DRS algorithm the cluster ran (nil when DRS is off).
    public var drsAlgorithm: BalancingAlgorithm?
    /// Sum and count of the cluster DRS scores of its score passes.
    public var drsScoreSum = 0.0
    public var drsScorePasses = 0

    public init() {}
}

extension ClusterSummary {
    /// Adds a sample's row, which holds for `seconds` (its interval, cut at the run's end).
    mutating func add(_ row: TimeseriesRow, seconds dt: Double) {
        cpuDemandMHzSeconds += row.cpuDemandMHz * dt
        cpuUnmetMHzSeconds += row.cpuUnmetMHz * dt
        hostOnSeconds += Double(row.hostsOn) * dt
        standbyHostSeconds += Double(row.hostsStandby) * dt
        if row.memoryCapacityMB > 0 {
            memoryOvercommitMax = max(memoryOvercommitMax, row.memoryConfiguredMB / row.memoryCapacityMB)
        }
        memoryBalloonedMBSeconds += row.memoryBalloonedMB * dt
        memorySwappedMBSeconds += row.memorySwappedMB * dt
        memoryContentionMBSeconds += row.memoryContentionMB * dt
        memoryActiveMBSeconds += row.memoryActiveMB * dt
        chlsd.add(row.chlsd)
        chlsdQuantiles.add(row.chlsd)
    }
}
