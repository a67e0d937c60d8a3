import ClusterModel

/// Everything needed to execute one run: built from a scenario (and a sweep configuration and
/// replication) by ``ModelBuilder``.
public struct RunPlan: Sendable {
    public var scenarioName: String
    /// Sweep configuration id, `base` for a single run.
    public var configID: String
    public var replication: Int
    public var settings: RunSettings
    public var clusters: [ClusterConfig]
    /// The resolved scenario as YAML, written next to the outputs.
    public var resolvedYAML: String
    /// Energy price and CO₂ intensity (summary and timeseries cost columns).
    public var tariff = EnergyTariff()

    public init(scenarioName: String, configID: String = "base", replication: Int = 0,
                settings: RunSettings, clusters: [ClusterConfig], resolvedYAML: String) {
        self.scenarioName = scenarioName; self.configID = configID; self.replication = replication
        self.settings = settings; self.clusters = clusters; self.resolvedYAML = resolvedYAML
    }
}

/// How a run executes (not part of what it computes: outputs do not depend on these).
public struct RunOptions: Sendable {
    /// Clusters simulated at once.
    public var threads: Int
    /// Called with (simulated seconds done over all clusters, total) from worker threads.
    public var progress: (@Sendable (Double, Double) -> Void)?
    public var cancellation: CancellationFlag?

    public init(threads: Int = 1, progress: (@Sendable (Double, Double) -> Void)? = nil, cancellation: CancellationFlag? = nil) {
        self.threads = threads; self.progress = progress; self.cancellation = cancellation
    }
}
