/// One run of a sweep: a configuration and a replication.
public struct SweepRun: Hashable, Sendable {
    /// Index into ``SweepPlan/configurations``.
    public var configurationIndex: Int
    /// Replication number k, 0-based.
    public var replication: Int
    /// The run's master seed: the scenario's `seed + k`, the same for every configuration (common
    /// random numbers, DESIGN §7).
    public var seed: UInt64
}
