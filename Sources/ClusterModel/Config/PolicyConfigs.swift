import SimKernel

/// DRS automation level (docs/scenario-format.md, `drs.automation`).
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

/// DRS settings of one cluster (docs/model.md "DRS"). No defaults here: they live once, in
/// `DRSSpec` (docs/scenario-format.md); `ModelBuilder` maps a spec to this.
public struct DRSConfig: Sendable {
    public var enabled: Bool
    public var automation: DRSAutomation
    /// Migration threshold 1 (conservative) … 5 (aggressive).
    public var threshold: Int
    public var period: SimTime
    /// Pairwise balancing of vSphere 6.5+.
    public var pairwise: Bool
    /// Window over which demand is averaged for entitlements.
    public var demandWindow: SimTime
    /// `UseDownTime`: the cost counts the workload impact of the memory stall at switchover;
    /// `IgnoreDownTimeLessThan`: a stall below it is ignored (docs/model.md "DRS").
    public var useDownTime: Bool
    public var ignoreDownTimeLessThan: SimTime
    /// `MinGoodness`: minimum CHLSD-variance improvement per move; nil = adaptive, 0 = every move
    /// considered (docs/model.md "DRS").
    public var minGoodness: Double?
    /// `MaxMovesPerHost`: moves per source host per pass; nil = adaptive, 0 = no limit.
    public var maxMovesPerHost: Int?
    /// `auto` (score from vSphere 7.0 on), `classic` or `score`.
    public var algorithm: DRSAlgorithmChoice
    /// Scalable shares (vSphere 7): scales resource-pool shares by their VMs; VM shares unchanged.
    public var scalableShares: Bool

    public init(enabled: Bool, automation: DRSAutomation, threshold: Int, period: SimTime, pairwise: Bool,
                demandWindow: SimTime, useDownTime: Bool, ignoreDownTimeLessThan: SimTime, minGoodness: Double?,
                maxMovesPerHost: Int?, algorithm: DRSAlgorithmChoice, scalableShares: Bool) {
        self.enabled = enabled; self.automation = automation; self.threshold = threshold; self.period = period
        self.pairwise = pairwise; self.demandWindow = demandWindow; self.useDownTime = useDownTime
        self.ignoreDownTimeLessThan = ignoreDownTimeLessThan; self.minGoodness = minGoodness
        self.maxMovesPerHost = maxMovesPerHost; self.algorithm = algorithm; self.scalableShares = scalableShares
    }

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

/// DPM settings of one cluster (docs/model.md "DPM"). Defaults live in `DPMSpec`.
public struct DPMConfig: Sendable {
    public var enabled: Bool
    public var automation: DPMAutomation
    public var threshold: Int
    public var targetUtilization: Double
    public var tolerance: Double
    public var historyPowerOn: SimTime
    public var historyPowerOff: SimTime
    public var minHostsOn: Int

    public init(enabled: Bool, automation: DPMAutomation, threshold: Int, targetUtilization: Double, tolerance: Double,
                historyPowerOn: SimTime, historyPowerOff: SimTime, minHostsOn: Int) {
        self.enabled = enabled; self.automation = automation; self.threshold = threshold
        self.targetUtilization = targetUtilization; self.tolerance = tolerance; self.historyPowerOn = historyPowerOn
        self.historyPowerOff = historyPowerOff; self.minHostsOn = minHostsOn
    }
}

/// vMotion settings of one cluster (docs/model.md "vMotion"). Defaults live in `VMotionSpec`.
public struct VMotionConfig: Sendable {
    public var switchoverGoal: SimTime
    public var resumeTime: SimTime
    public var maxPrecopyRounds: Int
    public var sdps: Bool
    public var nicEfficiency: Double
    /// Storage copy rate of a shared-nothing vMotion's disk phase, Mbit/s.
    public var storageCopyMbps: Double
    /// Minimum bandwidth per concurrent stream, Mbit/s.
    public var minStreamMbps: Double

    public init(switchoverGoal: SimTime, resumeTime: SimTime, maxPrecopyRounds: Int, sdps: Bool, nicEfficiency: Double,
                storageCopyMbps: Double, minStreamMbps: Double) {
        self.switchoverGoal = switchoverGoal; self.resumeTime = resumeTime; self.maxPrecopyRounds = maxPrecopyRounds
        self.sdps = sdps; self.nicEfficiency = nicEfficiency; self.storageCopyMbps = storageCopyMbps
        self.minStreamMbps = minStreamMbps
    }
}

/// vSphere HA admission control policies (docs/model.md "HA admission control and restarts").
public enum HAAdmissionPolicy: Sendable {
    case clusterResourcePercentage, slotPolicy, failoverHosts, disabled
}

/// vSphere HA settings of one cluster (docs/model.md "Maintenance, patching, failures, HA").
/// Defaults live in `HASpec`.
public struct HAConfig: Sendable {
    public var enabled: Bool
    /// Failure → restart delay: HA's failure detection (docs/model.md "Maintenance, patching,
    /// failures, HA", [SDK-Detect]); the guest's boot (``VMConfig/bootTime``) adds to the outage.
    public var restartTime: SimTime
    /// Admission control policy.
    public var admissionPolicy: HAAdmissionPolicy
    /// Host failures the cluster tolerates (percentage and slot policies).
    public var hostFailuresToTolerate: Int
    /// Overrides of the derived failover capacity, in percent of the cluster (percentage policy).
    public var cpuPercent: Double?
    public var memoryPercent: Double?
    /// Dedicated failover hosts (policy `failoverHosts`), host indices.
    public var failoverHosts: [Int32]
    /// Performance degradation VMs tolerate, 0–1 (1 = never warn).
    public var performanceDegradationTolerated: Double
    /// Concurrent restarts per host (docs/model.md "HA admission control and restarts").
    public var maxConcurrentRestartsPerHost: Int

    public init(enabled: Bool, restartTime: SimTime, admissionPolicy: HAAdmissionPolicy, hostFailuresToTolerate: Int,
                cpuPercent: Double?, memoryPercent: Double?, failoverHosts: [Int32],
                performanceDegradationTolerated: Double, maxConcurrentRestartsPerHost: Int) {
        self.enabled = enabled; self.restartTime = restartTime; self.admissionPolicy = admissionPolicy
        self.hostFailuresToTolerate = hostFailuresToTolerate; self.cpuPercent = cpuPercent
        self.memoryPercent = memoryPercent; self.failoverHosts = failoverHosts
        self.performanceDegradationTolerated = performanceDegradationTolerated
        self.maxConcurrentRestartsPerHost = maxConcurrentRestartsPerHost
    }

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

    private var rank: Int {
        switch self {
        case .essentials: 0
        case .essentialsPlus: 1
        case .standard: 2
        case .enterprise: 3
        case .enterprisePlus: 4
        }
    }
    public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    /// vMotion needs Essentials Plus or higher (docs/model.md "vMotion", Checks).
    public var allowsVMotion: Bool { self >= .essentialsPlus }
}

/// Memory-management parameters of a cluster (docs/model.md "Memory"); the constants are vSphere's,
/// the savings of intra-VM page sharing an invented value whose default lives in
/// `ClusterSpec.pageSharingSavings`.
public struct MemoryModel: Sendable {
    /// Share of a VM's consumed memory saved by intra-VM page sharing once the host breaks large
    /// pages (below 400 % of minFree). [I] 0.05: the low end of VMware's "<5 % … >30 %" range
    /// [D41-Sharing], since inter-VM sharing is off by default (salting, [KB323624]).
    public var sharingSavings: Double

    /// The balloon reclaims at most 65 % of a VM's memory (Mem.CtlMaxPercent, [D40-AdvMem]),
    /// here of its unreserved memory.
    public static let balloonMaxFraction = 0.65
    /// The compression cache holds at most 10 % of a VM's memory ([D67-CompCache]).
    public static let compressionCacheFraction = 0.10
    /// Compressed pages take half their size (pages that compress to ≤ 2 KB of 4 KB are kept,
    /// [D41-Compression]; [I] every page taken compresses so).
    public static let compressionRatio = 2.0

    public init(sharingSavings: Double) { self.sharingSavings = sharingSavings }
}

/// A DRS rule (docs/model.md "DRS") with names resolved to indices.
public struct RuleConfig: Sendable {
    public enum Kind: Sendable { case affinity, antiAffinity, vmHost }
    public enum Mode: Sendable { case must, should }
    public enum Relation: Sendable { case runOn, notRunOn }

    public var name: String
    public var kind: Kind
    /// VMs the rule binds (for vm_host: the VM group's members).
    public var vms: [Int32]
    /// Hosts of the host group (vm_host only).
    public var hosts: [Int32]
    public var mode: Mode
    public var relation: Relation

    public init(name: String, kind: Kind, vms: [Int32], hosts: [Int32], mode: Mode, relation: Relation) {
        self.name = name; self.kind = kind; self.vms = vms; self.hosts = hosts.sorted(); self.mode = mode; self.relation = relation
    }
}
