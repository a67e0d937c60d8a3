/// DRS settings of a cluster: classic DRS (vSphere 4.1–6.7, docs/model.md "DRS") or score DRS
/// (vSphere 7+, docs/model.md "Score DRS"), chosen by `algorithm`.
///
/// The scenario-level `drs:` block gives the defaults for every cluster; a cluster's own `drs:`
/// block overrides them key by key. Defaults are vSphere's (docs/scenario-format.md "drs").
public struct DRSSpec: Codable, Hashable, Sendable {
    /// DRS automation level (`ClusterDrsConfigInfo.defaultVmBehavior`).
    public enum Automation: String, SpecEnum {
        /// Recommendations are logged, never applied.
        case manual
        /// Initial placement is automatic, balancing moves are only recommended.
        case partiallyAutomated = "partially_automated"
        /// Placement and balancing are automatic.
        case fullyAutomated = "fully_automated"
    }

    /// The DRS algorithm (docs/model.md): `auto` runs score DRS on clusters at `vsphere_version`
    /// 7.0 or later and classic DRS before.
    public enum Algorithm: String, SpecEnum {
        /// By version: `score` from vSphere 7.0 on, `classic` before.
        case auto
        /// Classic DRS (vSphere 4.1–6.7): host load standard deviation, every `period`.
        case classic
        /// vSphere 7+ DRS: the VM DRS score, every minute.
        case score
    }

    /// Whether DRS runs in the cluster. Default true.
    public var enabled = true
    /// Automation level. Default `fully_automated`.
    public var automation = Automation.fullyAutomated
    /// Migration threshold 1 (conservative, mandatory moves only) … 5 (aggressive). Default 3.
    public var threshold = 3
    /// Time between two classic DRS passes (score DRS runs every minute). Default 5 min.
    public var period = DurationValue.minutes(5)
    /// Pairwise balancing of vSphere 6.5+ (CPU/memory gap between the most and least loaded host).
    /// Default true.
    public var pairwise = true
    /// The window over which VM demand is averaged for DRS (never the instantaneous sample).
    /// Default 15 min: three samples at the default 5 min `sample_interval`.
    public var demandWindow = DurationValue.minutes(15)
    /// The algorithm. Default `auto` (by `vsphere_version`).
    public var algorithm = Algorithm.auto
    /// Scalable shares (vSphere 7, [FD-SS]): resource-pool shares scale with the VMs they hold.
    /// drsim has no resource pools, so VMs keep their own shares either way. Default false.
    public var scalableShares = false

    /// vSphere's defaults.
    public init() {}

    /// vSphere advanced DRS options drsim has no scenario key for, at vSphere's defaults
    /// (docs/model.md "DRS", [OVH-DRS]): `UseDownTime` 1, `IgnoreDownTimeLessThan` 1 s, and
    /// adaptive `MinGoodness` and `MaxMovesPerHost` (nil).
    public static let useDownTime = true
    public static let ignoreDownTimeLessThan = DurationValue.seconds(1)
    public static let minGoodness: Double? = nil
    public static let maxMovesPerHost: Int? = nil

    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled, automation, threshold, period, pairwise
        case demandWindow = "demand_window"
        case algorithm
        case scalableShares = "scalable_shares"
    }
}

extension DRSSpec {
    /// Reads a `drs:` block; keys it does not give keep the values of `defaults`.
    init(reading m: MappingReader<CodingKeys>, defaults: DRSSpec) {
        self = defaults
        if let value = m.bool(.enabled) { enabled = value }
        if let value = m.enumValue(.automation, Automation.self) { automation = value }
        if let value = m.int(.threshold) { threshold = value }
        if let value = m.duration(.period) { period = value }
        if let value = m.bool(.pairwise) { pairwise = value }
        if let value = m.duration(.demandWindow) { demandWindow = value }
        if let value = m.enumValue(.algorithm, Algorithm.self) { algorithm = value }
        if let value = m.bool(.scalableShares) { scalableShares = value }
    }
}
