import SimKernel

/// DRS automation level (vmware-facts §1.4).
public enum DRSAutomation: String, Sendable, CaseIterable {
    case manual, partiallyAutomated = "partially_automated", fullyAutomated = "fully_automated"
}

/// Which DRS algorithm a cluster asks for (`drs.algorithm`): `auto` picks by vSphere version.
public enum DRSAlgorithmChoice: String, Sendable, CaseIterable {
    case auto, classic, score
}

/// The DRS algorithm a cluster runs: classic (vSphere 4.1–6.7, CHLSD) or the VM DRS score
/// (vSphere 7.0+), docs/model.md.
public enum BalancingAlgorithm: String, Sendable, CaseIterable {
    case classic, score
}

/// DRS settings of one cluster (DESIGN §4.5).
public struct DRSConfig: Sendable {
    public var enabled = true
    public var automation: DRSAutomation = .fullyAutomated
    /// Migration threshold 1 (conservative) … 5 (aggressive).
    public var threshold = 3
    public var period: SimTime = .minutes(5)
    /// Pairwise balancing of vSphere 6.5+.
    public var pairwise = true
    /// Window over which demand is averaged for entitlements.
    public var demandWindow: SimTime = .minutes(5)
    /// `UseDownTime` (vmware-facts-2 §5: default 1): the cost counts the workload impact of the
    /// memory stall at switchover; `IgnoreDownTimeLessThan` (default 1 s): a stall below it is ignored.
    public var useDownTime = true
    public var ignoreDownTimeLessThan: SimTime = .seconds(1)
    /// `MinGoodness`: minimum CHLSD-variance improvement per move; nil = adaptive (the default),
    /// 0 = every move considered (vmware-facts-2 §5).
    public var minGoodness: Double?
    /// `MaxMovesPerHost`: moves per source host per pass; nil = adaptive (the default), 0 = no limit.
    public var maxMovesPerHost: Int?
    /// `auto` (score from vSphere 7.0 on), `classic` or `score`.
    public var algorithm: DRSAlgorithmChoice = .auto
    /// Scalable shares (vSphere 7): scales resource-pool shares by their VMs; VM shares unchanged.
    public var scalableShares = false
    public init() {}

    /// The algorithm that runs for a cluster at vSphere `version` (major, minor).
    public func balancingAlgorithm(version: (major: Int, minor: Int)) -> BalancingAlgorithm {
        switch algorithm {
        case .classic: .classic
        case .score: .score
        case .auto: version.major >= 7 ? .score : .classic
        }
    }
}

/// DPM automation level.
public enum DPMAutomation: String, Sendable, CaseIterable {
    case off, manual, automatic
}

/// DPM settings of one cluster (DESIGN §4.6).
public struct DPMConfig: Sendable {
    public var enabled = false
    public var automation: DPMAutomation = .automatic
    public var threshold = 3
    public var targetUtilization = 0.63
    public var tolerance = 0.18
    public var historyPowerOn: SimTime = .seconds(300)
    public var historyPowerOff: SimTime = .seconds(2400)
    public var minHostsOn = 1
    public init() {}
}

/// vMotion settings of one cluster (DESIGN §4.4).
public struct VMotionConfig: Sendable {
    public var switchoverGoal: SimTime = .milliseconds(500)
    public var resumeTime: SimTime = .milliseconds(50)
    public var maxPrecopyRounds = 30
    public var sdps = true
    public var nicEfficiency = 0.9
    /// Storage copy rate of a shared-nothing vMotion's disk phase, Mbit/s.
    public var storageCopyMbps = 4000.0
    /// Minimum bandwidth per concurrent stream, Mbit/s.
    public var minStreamMbps = 250.0
    public init() {}
}

/// vSphere HA admission control policies (DESIGN §4.8).
public enum HAAdmissionPolicy: Sendable {
    case clusterResourcePercentage, slotPolicy, failoverHosts, disabled
}

/// vSphere HA settings of one cluster (DESIGN §4.7, §4.8).
public struct HAConfig: Sendable {
    public var enabled = false
    /// Failure → restart delay: HA's failure detection, 15 s (vmware-facts-2 §3 "Restarts" 4,
    /// [SDK-Detect]); the guest's boot (``VMConfig/bootTime``) adds to the outage.
    public var restartTime: SimTime = .seconds(15)
    /// Admission control policy (default: percentage derived from host failures to tolerate).
    public var admissionPolicy = HAAdmissionPolicy.clusterResourcePercentage
    /// Host failures the cluster tolerates (percentage and slot policies).
    public var hostFailuresToTolerate = 1
    /// Overrides of the derived failover capacity, in percent of the cluster (percentage policy).
    public var cpuPercent: Double?
    public var memoryPercent: Double?
    /// Dedicated failover hosts (policy `failoverHosts`), host indices.
    public var failoverHosts: [Int32] = []
    /// Performance degradation VMs tolerate, 0–1 (1 = never warn).
    public var performanceDegradationTolerated = 1.0
    /// Concurrent restarts per host (vSphere 6.5: 32).
    public var maxConcurrentRestartsPerHost = 32
    public init() {}

    /// Whether admission control is on; setting true keeps a chosen policy (the percentage policy
    /// when it was disabled).
    public var admissionControl: Bool {
        get { admissionPolicy != .disabled }
        set {
            if !newValue {
                admissionPolicy = .disabled
            } else if admissionPolicy == .disabled {
                admissionPolicy = .clusterResourcePercentage
            }
        }
    }
}

/// vSphere license editions, in increasing order of features.
public enum LicenseEdition: String, Sendable, CaseIterable, Comparable {
    case essentials, essentialsPlus = "essentials_plus", standard, enterprise, enterprisePlus = "enterprise_plus"

    private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    /// vMotion needs Essentials Plus or higher (vmware-facts §3.4).
    public var allowsVMotion: Bool { self >= .essentialsPlus }
}
