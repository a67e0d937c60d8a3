import SimKernel

/// What the policies (DRS, score DRS, DPM) read and keep between passes, owned by the runtime
/// and passed to them: recent demand, rules, host classes, cached window estimates, HA admission
/// control, score DRS's state and DPM's low-period start, and a caller's policies. Policies never
/// write the cluster's tables: they return recommendations that the runtime applies by
/// automation level (docs/architecture.md).
struct PolicyInputs {
    /// Recent demand per VM for DRS and DPM windows.
    var history: DemandHistory
    let rules: RuleBook
    /// Hosts with identical capacity and compatibility share a class (DRS candidate pruning).
    let hostClass: [Int32]
    /// Each VM's CPU reservation, MHz (entitlements are at least the reservation).
    let vmReservation: [Double]
    /// Per-VM demand estimates by window, refilled once per sample (``WindowEstimateCache``).
    let estimates = WindowEstimateCache()
    /// Score DRS's per-VM constants and its last pass (Balancing/PolicyViews.swift).
    var score = ScoreDRSState()
    /// Start of the cluster's current low period (DPM's expected-low-period forecast), as the
    /// last power plan left it.
    var dpmLowSince: SimTime = .zero
    /// HA admission control over the tables (Availability/HAAdmissionControl.swift).
    let ha: HAAdmissionControl
    /// The sample interval, and the look-back windows (in samples) a score cluster reads.
    let sampleInterval: SimTime
    let scoreWindows: [Int]
    /// A caller's balancing policy, run instead of the built-in DRS algorithm.
    let balancing: (any BalancingPolicy)?
    /// A caller's power policy, run instead of ``ClassicDPM``.
    let power: (any PowerPolicy)?

    init(_ config: ClusterConfig, _ settings: RunSettings, scoreWindows: [Int], balancing: (any BalancingPolicy)?,
         power: (any PowerPolicy)? = nil) {
        self.balancing = balancing
        self.power = power
        self.scoreWindows = scoreWindows
        sampleInterval = settings.sampleInterval
        let interval = settings.sampleInterval.seconds
        func samples(_ t: SimTime) -> Int { max(1, Int((t.seconds / interval).rounded())) }
        history = DemandHistory(vms: config.vms.count, windows: [1, samples(config.drs.demandWindow),
                                                                 samples(config.dpm.historyPowerOn), samples(config.dpm.historyPowerOff)]
                                                                 + scoreWindows)
        rules = RuleBook(rules: config.rules, vmCount: config.vms.count)
        hostClass = HostClasses.classes(of: config.hosts)
        vmReservation = config.vms.map(\.reservationMHz)
        ha = HAAdmissionControl(config.ha, hosts: config.hosts.count)
    }

    /// A window's length in whole samples (at least one).
    func samples(_ window: SimTime) -> Int {
        max(1, Int((window.seconds / sampleInterval.seconds).rounded()))
    }

    /// Per-VM demand estimates over the last `samples` samples (mean, or mean + 2 sd), computed
    /// once per sample and window and shared by the passes that ask for them.
    func windowEstimates(samples: Int, conservative: Bool) -> (cpuMHz: [Double], memoryMB: [Double]) {
        estimates.estimates(history, samples: samples, conservative: conservative)
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
        estimates.invalidate()
        score.memo = nil
    }
}

/// Per-VM demand estimates by window, computed once per sample and window and shared by the DRS
/// and DPM passes that ask for them (make bench: per-pass recomputation for every VM was 6 % of
/// cluster-32x1000-30d). Each window keeps its buffers and refills them in place: no allocation
/// per pass once the callers have let go of them. A reference, so that a lazily computed input
/// (``ClassicDRSInputs/longDemand``) can fill it during a pass.
final class WindowEstimateCache {
    private var entries: [(key: Int, stamp: Int, cpu: [Double], memory: [Double])] = []

    func estimates(_ history: DemandHistory, samples: Int, conservative: Bool) -> (cpuMHz: [Double], memoryMB: [Double]) {
        let key = samples * 2 + (conservative ? 1 : 0)
        let stamp = history.pushes
        let slot: Int
        if let i = entries.firstIndex(where: { $0.key == key }) {
            slot = i
        } else {
            entries.append((key, -1, [], []))
            slot = entries.count - 1
        }
        if entries[slot].stamp != stamp {
            var entry = entries[slot]
            entries[slot] = (key, -1, [], [])   // entry's buffers are now unique: refilled in place
            history.estimates(samples: samples, conservative: conservative, cpu: &entry.cpu, memory: &entry.memory)
            entry.stamp = stamp
            entries[slot] = entry
        }
        return (entries[slot].cpu, entries[slot].memory)
    }

    /// Marks every window stale (a VM's history was reset).
    func invalidate() {
        for i in entries.indices { entries[i].stamp = -1 }
    }
}
