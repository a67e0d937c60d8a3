import SimKernel
import Traces

/// Everything needed to simulate one cluster: its hosts, VMs, workloads and policy settings.
///
/// Clusters never share VMs, hosts or bandwidth, so each is simulated independently (possibly in
/// parallel) and the outputs are merged by time; see ``ClusterRuntime``.
///
/// Neutral values only (no traces, no EVC, no rules, events, windows or churn, version patch 0);
/// documented defaults live in Scenarios' `ClusterSpec` (docs/scenario-format.md "Clusters"), and
/// `ModelBuilder` passes every one of them.
public struct ClusterConfig: Sendable {
    public var name: String
    /// Position of this cluster in the scenario (orders merged output rows).
    public var index: Int
    public var hosts: [HostConfig]
    public var vms: [VMConfig]
    public var workloads: [WorkloadProfile]
    /// Loaded traces per trace set (``WorkloadProfile/traceSet``); VM `traceIndex` picks one.
    public var traces: [[UtilizationTrace]]
    public var traceEnds: [TraceEnd]
    public var datastoreNames: [String]
    public var networkNames: [String]
    /// EVC baseline as a (vendor, rank), or nil.
    public var evc: (vendor: CPUVendor, rank: Int)?
    public var license: LicenseEdition
    /// vSphere version as (major, minor), e.g. (6, 7).
    public var vsphereVersion: (major: Int, minor: Int)
    /// The version's third component (`7.0.2` = 7.0 Update 2), 0 when not given.
    public var vsphereVersionPatch = 0
    public var drs: DRSConfig
    public var dpm: DPMConfig
    public var vmotion: VMotionConfig
    public var ha: HAConfig
    /// DRS rules, in file order.
    public var rules: [RuleConfig] = []
    /// Scenario events for this cluster, in file order.
    public var actions: [ScheduledAction] = []
    public var maintenanceWindows: [MaintenanceWindowConfig] = []
    public var failures: FailureConfig
    /// VM entries with churn: their arrivals are drawn during the run (``ChurnProcess``).
    public var churn: [ChurnConfig] = []
    /// Memory-management parameters (page sharing savings).
    public var memory: MemoryModel

    /// Whether vMotion sizes its streams from the link (vSphere 7.0 U2 and later, docs/model.md "vMotion").
    public var vmotionStreamsFollowLink: Bool {
        (vsphereVersion.major, vsphereVersion.minor, vsphereVersionPatch) >= (7, 0, 2)
    }

    public init(
        name: String, index: Int = 0, hosts: [HostConfig], vms: [VMConfig], workloads: [WorkloadProfile],
        traces: [[UtilizationTrace]] = [], traceEnds: [TraceEnd] = [],
        datastoreNames: [String], networkNames: [String],
        evc: (vendor: CPUVendor, rank: Int)? = nil, license: LicenseEdition,
        vsphereVersion: (major: Int, minor: Int), drs: DRSConfig, dpm: DPMConfig, vmotion: VMotionConfig,
        ha: HAConfig, memory: MemoryModel, failures: FailureConfig
    ) {
        self.name = name; self.index = index; self.hosts = hosts; self.vms = vms
        self.workloads = workloads; self.traces = traces; self.traceEnds = traceEnds
        self.datastoreNames = datastoreNames; self.networkNames = networkNames; self.evc = evc
        self.license = license; self.vsphereVersion = vsphereVersion; self.drs = drs; self.dpm = dpm
        self.vmotion = vmotion; self.ha = ha; self.memory = memory
        self.failures = failures
    }

    /// The DRS algorithm this cluster runs (`drs.algorithm`, or by `vsphere_version` when `auto`).
    public var balancingAlgorithm: BalancingAlgorithm { drs.balancingAlgorithm(version: vsphereVersion) }
}

/// Settings shared by every cluster of a run.
///
/// Neutral values only (no invariant checks, no growth elapsed); documented defaults live in
/// Scenarios' `ScenarioSpec` (docs/scenario-format.md "Top level"), and `ModelBuilder` passes them.
public struct RunSettings: Sendable {
    /// Master seed of the run; every random stream derives from it and a name.
    public var seed: UInt64
    /// Unix time (seconds, UTC) of simulated t = 0; fixes the calendar (hour of day, weekday).
    public var startUnixSeconds: Int64
    public var duration: SimTime
    public var sampleInterval: SimTime
    public var pue: Double
    /// Check model invariants after every event (slow; tests and `--check-invariants`).
    public var checkInvariants: Bool
    /// Months of demand growth already elapsed at t = 0 (scenario `growth_offset_months`).
    public var growthOffsetMonths = 0.0

    public init(
        seed: UInt64, startUnixSeconds: Int64, duration: SimTime, sampleInterval: SimTime, pue: Double,
        checkInvariants: Bool = false
    ) {
        self.seed = seed; self.startUnixSeconds = startUnixSeconds; self.duration = duration
        self.sampleInterval = sampleInterval; self.pue = pue; self.checkInvariants = checkInvariants
    }
}
