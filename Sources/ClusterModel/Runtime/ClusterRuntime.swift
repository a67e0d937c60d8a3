import SimKernel
import Stochastics

/// Simulates one cluster on its own event queue: workload sampling, CPU contention, power and
/// energy, and (through extensions) placement, migrations and policies.
///
/// Clusters share nothing, so a run is a set of independent `ClusterRuntime`s whose outputs are
/// merged by time (see Experiments' `RunRunner`); this is what lets a fleet run on all cores
/// with output identical to a single-threaded run.
///
/// Event order at equal times follows ``EventPriority``: state changes first, then sampling,
/// then policies, so policies always see the demand of the sample taken at the same instant.
public final class ClusterRuntime: EventHandler {
    public let config: ClusterConfig
    public let settings: RunSettings
    public let simulation: Simulation
    public let calendar: SimCalendar
    public internal(set) var hosts: HostTable
    public internal(set) var vms: VMTable
    public internal(set) var summary = ClusterSummary()
    public internal(set) var energy: EnergyMeter

    public internal(set) var migrationStats = MigrationStatistics()

    let recorder: ClusterRecorder
    /// Recent demand per VM for DRS and DPM windows.
    var history: DemandHistory
    let rules: RuleBook
    /// Hosts with identical capacity and compatibility share a class (DRS candidate pruning).
    let hostClass: [Int32]
    /// Per-host compatibility facts as flat arrays (no struct copies in DRS's inner loop).
    let compatibility: HostCompatibility
    let licenseAllowsVMotion: Bool
    let vmNetwork: [Int32]
    var estimateCache: [(key: Int, stamp: Int, cpu: [Double], memory: [Double])] = []
    /// Score DRS's per-VM constants and its last pass (ClusterRuntime+ScoreDRS.swift).
    var scoreState = ScoreDRSState()
    /// A caller's balancing policy, run instead of the built-in DRS algorithm (ClusterRuntime+ScoreDRS.swift).
    let balancingPolicy: (any BalancingPolicy)?
    var lifecycle: HostLifecycleState
    var windows: [WindowProgress]
    var activeWindows = 0
    /// Start of the cluster's current low period (DPM's expected-low-period forecast).
    var dpmLowSince: SimTime = .zero
    var failureStreams: [RandomStream]
    var outageStart: [SimTime]
    var outageHost: [Int32]
    /// Since when each VM has been down (meaningful while it is down; all VMs start down until placed).
    var downSince: [SimTime]
    /// A typical vMotion's duration before any has completed (mean VM, full link), seconds.
    let estimatedVMotionSeconds: Double
    // vMotion engine state (ClusterRuntime+Migration.swift).
    var migrations = MigrationTable()
    var ledger: ConcurrencyLedger
    var bandwidth: BandwidthAllocator
    /// Usable vMotion NIC rate per host, Mbit/s (line rate × efficiency).
    let linkMbps: [Double]
    /// vMotion streams per host (ConcurrencyLimits.streams): one migration's rate is at most
    /// streams × 15 Gbit/s, and its CPU reservation at most one core per stream.
    let vmotionStreams: [Int]
    var vmotionCount: [Int32]
    var sdpsSince: [SimTime]
    var flowSource: [Int32] = []
    var flowDestination: [Int32] = []
    var flowCap: [Double] = []
    var flowRates: [Double] = []
    var sampler: WorkloadSampler
    var cpuScheduler: CPUScheduler
    var memoryScheduler: MemoryScheduler
    /// Dedicated HA failover hosts (admission control policy `failover_hosts`).
    let failoverHost: [Bool]
    /// VMs waiting for an HA restart (down with `ha_no_capacity`), retried at every sample.
    var haWaiting = 0
    var target: Int32 = 0
    var lastSampleTime: SimTime = .zero
    /// The latest sample's row, emitted at the next sample once its interval's migration counts are known.
    var pendingRow: TimeseriesRow?
    /// Invariants found broken under ``RunSettings/checkInvariants`` (the run stops at the first).
    public internal(set) var violations: [String] = []
    var audit = InvariantAudit()
    /// Churn arrival processes and the rows their VMs use (ClusterRuntime+Churn.swift).
    var churn: ChurnState

    // Row scratch space, reused every sample (no allocation on the hot path).
    var scratchLoads: [Double] = []
    let vmReservation: [Double]

    /// A runtime for one cluster. `balancingPolicy`, when given, plans every DRS pass instead of the
    /// built-in algorithm (docs/architecture.md, "Adding a balancing policy"); `drs.enabled`,
    /// `drs.period` and `drs.automation` still apply.
    public init(config input: ClusterConfig, settings: RunSettings, recorder: ClusterRecorder, balancingPolicy: (any BalancingPolicy)? = nil) {
        let (config, churn) = Self.withChurnRows(input, settings: settings)
        self.churn = churn
        self.config = config
        self.balancingPolicy = balancingPolicy
        self.settings = settings
        self.recorder = recorder
        simulation = Simulation(expectedPending: 64 + config.hosts.count * 4)
        calendar = SimCalendar(startUnixSeconds: settings.startUnixSeconds)
        hosts = HostTable(config.hosts)
        vms = VMTable(config.vms)
        energy = EnergyMeter(hostCount: config.hosts.count, audited: settings.checkInvariants)
        sampler = WorkloadSampler(config: config, settings: settings)
        cpuScheduler = CPUScheduler(config)
        memoryScheduler = MemoryScheduler(config)
        failoverHost = (0..<config.hosts.count).map { config.ha.failoverHosts.contains(Int32($0)) }
        for v in 0..<config.vms.count {
            let p = config.workloads[Int(config.vms[v].workload)]
            let memory = config.vms[v].memoryMB
            vms.expectedMemoryMB[v] = min(memory, max(p.consumedFraction, p.activeFraction) * memory) + config.vms[v].overheadMB
        }
        vmReservation = config.vms.map(\.reservationMHz)
        ledger = ConcurrencyLedger(nicGbps: config.hosts.map(\.vmotionNICGbps), datastores: max(1, config.datastoreNames.count))
        bandwidth = BandwidthAllocator(hosts: config.hosts.count)
        linkMbps = config.hosts.map { $0.vmotionNICGbps * 1_000 * config.vmotion.nicEfficiency }
        vmotionStreams = config.hosts.map {
            ConcurrencyLimits.streams(nicGbps: $0.vmotionNICGbps, vmknics: $0.vmotionVMknics, followLink: config.vmotionStreamsFollowLink)
        }
        vmotionCount = Array(repeating: 0, count: config.hosts.count)
        sdpsSince = Array(repeating: .zero, count: config.vms.count)
        let interval = settings.sampleInterval.seconds
        func samples(_ t: SimTime) -> Int { max(1, Int((t.seconds / interval).rounded())) }
        history = DemandHistory(vms: config.vms.count, windows: [1, samples(config.drs.demandWindow),
                                                                 samples(config.dpm.historyPowerOn), samples(config.dpm.historyPowerOff)]
                                                                 + Self.scoreWindows(config, settings))
        rules = RuleBook(rules: config.rules, vmCount: config.vms.count)
        hostClass = HostClasses.classes(of: config.hosts)
        compatibility = HostCompatibility(config)
        licenseAllowsVMotion = config.license.allowsVMotion
        vmNetwork = config.vms.map(\.network)
        let meanMemory = config.vms.isEmpty ? 0 : config.vms.reduce(0) { $0 + $1.memoryMB } / Double(config.vms.count)
        let fastest = config.hosts.map { $0.vmotionNICGbps * 1_000 * config.vmotion.nicEfficiency }.min() ?? 1_000
        estimatedVMotionSeconds = max(1, meanMemory * DataUnits.mbitPerMiB / fastest * 1.25)
        lifecycle = HostLifecycleState(hosts: config.hosts.count)
        windows = Array(repeating: WindowProgress(), count: config.maintenanceWindows.count)
        failureStreams = config.failures.mtbf == nil ? [] : config.hosts.map { RandomStream(master: settings.seed, name: "failure/" + $0.name) }
        outageStart = Array(repeating: .zero, count: config.vms.count)
        outageHost = Array(repeating: -1, count: config.vms.count)
        downSince = Array(repeating: .zero, count: config.vms.count)
        target = simulation.register(self)
    }

    /// Places the VMs and schedules the first sample at t = 0.
    public func start() {
        sampler.initialize(&vms)
        placeAllVMs()
        for h in 0..<hosts.count { energy.setPower(h, watts: hostPower(h), at: .zero) }
        energy.refreshTotal()
        simulation.schedule(at: .zero, priority: EventPriority.sample, target: target, kind: EventKind.sample.rawValue)
        scheduleActions()
        if config.drs.enabled { summary.drsAlgorithm = config.balancingAlgorithm }
        scheduleDRS(at: .zero)
        scheduleDPM(at: .zero)
        scheduleWindows()
        for h in 0..<hosts.count { scheduleRandomFailure(h) }
        scheduleChurn()
    }

    /// Runs events up to `t` (inclusive), bounded by the run's duration.
    public func advance(until t: SimTime) {
        simulation.run(until: min(t, settings.duration))
    }

    /// Closes the books at the end of the run and returns the cluster's summary.
    public func finish() -> ClusterSummary {
        let end = settings.duration
        emitPendingRow()
        for v in 0..<vms.count where vms.host[v] == noIndex && vms.downReason[v] != .absent {
            summary.vmSecondsDown += (end - downSince[v]).seconds
        }
        for id in migrations.active + migrations.queue {
            recordOutcome(migrations.slots[Int(id)], outcome: .unfinished, detail: .runEnded)
        }
        closeOpenRecords()
        for w in windows.indices where windows[w].started != nil && windows[w].finished == nil {
            summary.maintenanceWindowSeconds += (end - windows[w].started!).seconds
            summary.maintenanceHostsPatched += windows[w].patched
        }
        energy.advance(to: end)
        summary.migrations = migrationStats
        summary.energyJ = energy.energyJ
        summary.simulatedSeconds = end.seconds
        return summary
    }

    public func handle(_ event: Event, in simulation: Simulation) {
        let started = ContinuousClock.now
        defer { summary.phaseSeconds[Self.phase(of: event.kind)] += (ContinuousClock.now - started).secondsDouble }
        switch EventKind(rawValue: event.kind) {
        case .sample: takeSample(at: event.time)
        case .migrationStep: migrationStepEnded(Int32(event.payload))
        case .migrationSwitchover: switchoverEnded(Int32(event.payload))
        case .scenarioAction: performAction(Int(event.payload))
        case .drsPass: drsPass()
        case .dpmPass: dpmPass()
        case .hostTimer: hostTimerFired(Int(event.payload))
        case .evacuationCheck: evacuationCheck(Int(event.payload))
        case .windowStart: windowStarted(Int(event.payload))
        case .randomFailure: randomFailure(Int(event.payload))
        case .haRestart: if let v = stampedVM(event.payload) { haRestart(v) }
        case .vmArrival: vmArrives(Int(event.payload))
        case .vmDeparture: vmDeparts(Int(event.payload))
        case .churnArrival: churnArrives(Int(event.payload))
        case .none: preconditionFailure("unknown event kind \(event.kind)")
        }
        if settings.checkInvariants, violations.isEmpty {
            let broken = invariantViolations()
            if !broken.isEmpty {
                violations = broken
                simulation.stop()
            }
        }
    }
}

extension ClusterRuntime {
    /// Index into ``ClusterSummary/phaseSeconds`` of an event kind.
    static func phase(of kind: Int32) -> Int {
        switch EventKind(rawValue: kind) {
        case .sample: RunPhase.sampling.rawValue
        case .drsPass: RunPhase.drs.rawValue
        case .dpmPass: RunPhase.dpm.rawValue
        case .migrationStep, .migrationSwitchover: RunPhase.migrations.rawValue
        default: RunPhase.lifecycle.rawValue
        }
    }
}

/// Event kinds of a ``ClusterRuntime``.
enum EventKind: Int32 {
    case sample = 1
    case migrationStep
    case migrationSwitchover
    case scenarioAction
    case drsPass
    case dpmPass
    case hostTimer
    case evacuationCheck
    case windowStart
    case randomFailure
    case haRestart
    case vmArrival
    case vmDeparture
    case churnArrival
}

/// Priorities at equal times (lower first): state changes, then sampling, then policies.
enum EventPriority {
    static let stateChange: Int32 = 0
    static let sample: Int32 = 10
    static let policy: Int32 = 20
    static let scenario: Int32 = 30
}
