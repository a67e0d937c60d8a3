import SimKernel

/// Why a migration was requested (`migrations.csv` `reason`).
public enum MigrationReason: String, Sendable, CaseIterable {
    case drsBalance = "drs_balance"
    case drsRule = "drs_rule"
    case placement
    case dpmEvacuate = "dpm_evacuate"
    case maintenance
    case manual
}

/// How a migration request ended (`migrations.csv` `outcome`).
public enum MigrationOutcome: String, Sendable {
    case ok, rejected, aborted, failed
    /// Still queued or copying when the run ended (an addition to docs/outputs.md's four outcomes).
    case unfinished
}

/// Stable reason codes for rejections, aborts and failures (`migrations.csv` `detail`).
public enum MigrationDetail: String, Sendable, CaseIterable {
    case none = ""
    case vmNotRunning = "vm_not_running"
    case alreadyMigrating = "already_migrating"
    case sameHost = "same_host"
    case destinationNotOn = "destination_not_on"
    case noVMotionVMkernel = "no_vmotion_vmkernel"
    case cpuVendorMismatch = "cpu_vendor_mismatch"
    case cpuFeatureLevel = "cpu_feature_level"
    case networkLabelMissing = "network_label_missing"
    case datastoreNotShared = "datastore_not_shared"
    case sharedNothingUnsupported = "shared_nothing_unsupported"
    case license
    /// The destination cannot guarantee the VM's memory reservation + overhead.
    case insufficientMemory = "insufficient_memory"
    /// The destination cannot guarantee the VM's CPU reservation.
    case insufficientCPU = "insufficient_cpu"
    /// The destination is a dedicated HA failover host (admission control policy `failover_hosts`).
    case haFailoverHost = "ha_failover_host"
    case destinationLeftOn = "destination_left_on"
    case sourceFailed = "source_failed"
    case mustRule = "must_rule"
    case roundLimit = "round_limit"
    case runEnded = "run_ended"
    case vmPoweredOff = "vm_powered_off"
}

/// Stage of an in-flight migration.
public enum MigrationPhase: UInt8, Sendable {
    /// Waiting for a concurrency slot.
    case queued
    /// Shared-nothing vMotion: bulk disk copy at the storage copy rate.
    case diskCopy
    /// Iterative memory pre-copy.
    case precopy
    /// VM stunned; remainder and device state in flight.
    case switchover
}

/// One row of `migrations.csv` (the id is assigned when rows are merged, in row order).
public struct MigrationRecord: Sendable {
    public var vm: String
    public var source: String
    public var destination: String
    public var reason: MigrationReason
    public var requested: SimTime
    /// Start of the copy, or nil when never started.
    public var started: SimTime?
    public var finished: SimTime
    public var precopyRounds: Int
    public var memoryMB: Double
    public var transferredMB: Double
    public var storageMB: Double
    public var downtimeMS: Double
    public var lostPings: Int
    public var sdpsEngaged: Bool
    public var outcome: MigrationOutcome
    public var detail: MigrationDetail

    /// Time spent waiting for a slot.
    public var queuedSeconds: Double { ((started ?? finished) - requested).seconds }
    /// Copy time from start to resume on the destination (0 when never started).
    public var durationSeconds: Double { started.map { (finished - $0).seconds } ?? 0 }
    /// Mean transfer rate over the copy, Mbit/s.
    public var bandwidthMbpsAverage: Double {
        durationSeconds > 0 ? (transferredMB + storageMB) * 8 * 1.048576 / durationSeconds : 0
    }
}
