import SimKernel

/// What the policies (DRS, score DRS, DPM) read and keep between passes, owned by the runtime
/// and passed to them: recent demand, rules, host classes, cached window estimates, score DRS's
/// state and DPM's low-period start. Policies never write the cluster's tables: they return
/// recommendations that the runtime applies by automation level (docs/architecture.md).
struct PolicyInputs {
    /// Recent demand per VM for DRS and DPM windows.
    var history: DemandHistory
    let rules: RuleBook
    /// Hosts with identical capacity and compatibility share a class (DRS candidate pruning).
    let hostClass: [Int32]
    /// Each VM's CPU reservation, MHz (entitlements are at least the reservation).
    let vmReservation: [Double]
    /// Per-VM demand estimates by window, refilled once per sample (see ``ClusterRuntime/windowEstimates(samples:conservative:)``).
    var estimateCache: [(key: Int, stamp: Int, cpu: [Double], memory: [Double])] = []
    /// Score DRS's per-VM constants and its last pass (ClusterRuntime+ScoreDRS.swift).
    var score = ScoreDRSState()
    /// Start of the cluster's current low period (DPM's expected-low-period forecast).
    var dpmLowSince: SimTime = .zero
    /// A caller's balancing policy, run instead of the built-in DRS algorithm (ClusterRuntime+ScoreDRS.swift).
    let balancing: (any BalancingPolicy)?

    init(_ config: ClusterConfig, _ settings: RunSettings, scoreWindows: [Int], balancing: (any BalancingPolicy)?) {
        self.balancing = balancing
        let interval = settings.sampleInterval.seconds
        func samples(_ t: SimTime) -> Int { max(1, Int((t.seconds / interval).rounded())) }
        history = DemandHistory(vms: config.vms.count, windows: [1, samples(config.drs.demandWindow),
                                                                 samples(config.dpm.historyPowerOn), samples(config.dpm.historyPowerOff)]
                                                                 + scoreWindows)
        rules = RuleBook(rules: config.rules, vmCount: config.vms.count)
        hostClass = HostClasses.classes(of: config.hosts)
        vmReservation = config.vms.map(\.reservationMHz)
    }
}

/// The workload sampler and the CPU and memory schedulers: the passes that write demand, memory
/// state and served CPU over ``ClusterState``'s tables, passed `inout`.
struct LoadModels {
    var sampler: WorkloadSampler
    var cpu: CPUScheduler
    var memory: MemoryScheduler
}

/// The latest sample's row, emitted at the next sample once its interval's migration counts are
/// known, and the row's scratch space (reused every sample: no allocation on the hot path).
struct SampleRows {
    var pending: TimeseriesRow?
    var scratchLoads: [Double] = []
}

extension PolicyInputs {
    /// Row `v` has a new VM: its demand history is its first sample, and what was computed from
    /// the history (window estimates, score DRS's memo) is stale.
    mutating func resetVM(_ v: Int, cpuMHz: Double, memoryMB: Double) {
        history.resetVM(v, cpuMHz: cpuMHz, memoryMB: memoryMB)
        for i in estimateCache.indices { estimateCache[i].stamp = -1 }
        score.memo = nil
    }
}

extension ClusterRuntime {
    // The policies' names for the inputs they read (ClusterRuntime+DRS.swift, +ScoreDRS.swift, +DPM.swift).
    var history: DemandHistory { _read { yield policy.history } _modify { yield &policy.history } }
    var rules: RuleBook { policy.rules }
    var hostClass: [Int32] { policy.hostClass }
    var vmReservation: [Double] { policy.vmReservation }
    var estimateCache: [(key: Int, stamp: Int, cpu: [Double], memory: [Double])] {
        _read { yield policy.estimateCache }
        _modify { yield &policy.estimateCache }
    }
    var scoreState: ScoreDRSState { _read { yield policy.score } _modify { yield &policy.score } }
    var dpmLowSince: SimTime { _read { yield policy.dpmLowSince } _modify { yield &policy.dpmLowSince } }
    var pendingRow: TimeseriesRow? { _read { yield rows.pending } _modify { yield &rows.pending } }
    var balancingPolicy: (any BalancingPolicy)? { policy.balancing }
}
