import Foundation

/// What `drsim sweep` asks for (docs/sweeps.md).
public struct SweepRequest: Sendable {
    /// Scenario file.
    public var scenarioPath: String
    /// Results root: the sweep goes to `<outDir>/<scenario name>/`.
    public var outDir = "results"
    /// `--set` arguments in order: `PATH=VALUE` overrides the key, `PATH=V1,V2,...` adds an axis (a
    /// single value on a path that is already an axis of the file narrows that axis to it).
    public var settings: [String] = []
    /// `--baseline PATH=VALUE[,PATH=VALUE...]`: the baseline configuration (replaces the file's
    /// `sweep.baseline` for the axes named).
    public var baseline: [String] = []
    /// Replaces the `sweep.replications` of the file.
    public var replications: Int?
    /// Runs executed at once (default: all cores). Outputs do not depend on it.
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// The slice of the run list to execute; a sweep of more than one shard writes no tables
    /// (`drsim merge` does, once every shard is done).
    public var shard = ShardSpec.whole
    public var checkInvariants = false
    /// Stops the sweep: runs in progress stop between simulated hours (their folders are not
    /// created), completed runs stay, no new run starts.
    public var cancellation: CancellationFlag?
    /// Called after the resume scan and after each run (from worker threads).
    public var progress: (@Sendable (SweepProgress) -> Void)?

    public init(scenarioPath: String) { self.scenarioPath = scenarioPath }
}

/// Progress of a sweep (of this shard's runs).
public struct SweepProgress: Sendable {
    /// Runs of this shard.
    public var total: Int
    /// Runs found complete from an earlier invocation.
    public var skipped: Int
    /// Runs executed so far by this invocation.
    public var executed: Int
    /// Seconds since the sweep started.
    public var elapsedSeconds: Double

    /// Runs done, skipped or executed.
    public var done: Int { skipped + executed }

    /// Estimated seconds left from the pace of the runs executed so far; nil before the first.
    public var etaSeconds: Double? {
        guard executed > 0 else { return nil }
        return elapsedSeconds / Double(executed) * Double(total - done)
    }
}

/// What a sweep reports back.
public struct SweepResult: Sendable {
    /// The sweep folder, `<out>/<scenario name>`.
    public let folder: String
    /// The sweep's layout (axes, configurations, baseline, replications).
    public let layout: SweepLayout
    public let shard: ShardSpec
    /// Runs of the whole sweep.
    public let totalRuns: Int
    /// Runs of this shard.
    public let shardRuns: Int
    /// Runs this invocation simulated.
    public let runsExecuted: Int
    /// Runs found complete and skipped (resume).
    public let runsSkipped: Int
    /// Whether `sweep.csv` and `comparison.csv` were written (whole sweeps only).
    public let tablesWritten: Bool
    public let wallSeconds: Double
    /// What the user should know about the results (e.g. identical replications).
    public var warnings: [String] = []
    /// One console line per configuration with its headline numbers (empty without tables).
    public var headlines: [String] = []
}
