import SimKernel

/// Score DRS (vSphere 7+): its view, its one-minute period, its pass memo and the cluster DRS
/// score; its passes go through the shared pass in `ClusterRuntime+DRS.swift`.
extension ClusterRuntime {
    /// Score DRS runs every minute ([Hagoort-2020]), whatever `drs.period` (classic's) says.
    static let scorePassPeriod: SimTime = .minutes(1)

    /// The look-back windows (in samples) a score cluster reads, for ``DemandHistory``'s running sums.
    static func scoreWindows(_ config: ClusterConfig, _ settings: RunSettings) -> [Int] {
        guard config.drs.enabled, config.balancingAlgorithm == .score else { return [] }
        return [ScoreLookback.largeVMMemoryMB, ScoreLookback.largeVMMemoryMB + 1].map {
            ScoreLookback.samples(threshold: config.drs.threshold, memoryMB: $0, interval: settings.sampleInterval)
        }
    }

    /// Memory contention per VM (active memory that is not resident: ballooned, compressed or
    /// swapped), MiB, from the memory model at the latest sample (``MemoryScheduler``): the one
    /// place the score reads it.
    func memoryContentionMB() -> [Double] { vms.contentionMB }

    /// The view of a score pass: in-flight moves at their destination, each VM's CPU demand
    /// averaged over its look-back window (by threshold and memory size) from the latest samples.
    func makeBalancingView(excluding planned: [Int] = []) -> BalancingView {
        if scoreState.lookbackSeconds.count != vms.count { scoreState.prepare(config) }
        let windows = Self.scoreWindows(config, settings)
        let small = windowEstimates(samples: windows.first ?? 1, conservative: false)
        let large = windowEstimates(samples: windows.last ?? 1, conservative: false)
        let latest = windowEstimates(samples: 1, conservative: false).cpuMHz
        var plannedHost = vms.host
        for ids in [migrations.active, migrations.queue] {
            for id in ids {
                let m = migrations.slots[Int(id)]
                plannedHost[Int(m.vm)] = m.destination
            }
        }
        let n = vms.count
        var cpu = Array(repeating: 0.0, count: n), memory = cpu, current = cpu
        let big = scoreState.large, host = vms.host, reservation = vmReservation, limit = vms.limitMHz
        for v in 0..<n {
            if host[v] >= 0 { current[v] = min(max(latest[v], reservation[v]), limit[v]) }
            guard plannedHost[v] >= 0 else { continue }
            cpu[v] = min(max(big[v] ? large.cpuMHz[v] : small.cpuMHz[v], reservation[v]), limit[v])
            memory[v] = big[v] ? large.memoryMB[v] : small.memoryMB[v]
        }
        let snapshot = BalanceSnapshot(plannedHost: plannedHost, cpuEntitlement: cpu, memoryEntitlement: memory,
                                       footprintMB: vms.footprintMB, cpuCapacity: hosts.cpuCapacityMHz,
                                       memoryCapacity: hosts.memoryCapacityMB, participates: hosts.state.map { $0 == .on })
        var migrating = vms.migrating
        for v in planned { migrating[v] = true }
        let cost = MigrationCostInputs(memoryMB: scoreState.memoryMB, dirtyRateMbps: vms.dirtyRateMbps, linkMbps: linkMbps,
                                       networkStreams: ledger.networkCost, switchoverGoalSeconds: config.vmotion.switchoverGoal.seconds,
                                       resumeSeconds: config.vmotion.resumeTime.seconds)
        return BalancingView(snapshot: snapshot, compatibility: compatibilityView(), rules: rules, migrating: migrating,
                             threshold: config.drs.threshold, moveCapPerHost: scoreMoveCapPerHost(),
                             hostCores: scoreState.hostCores, coreMHz: hosts.coreMHz, activeMemoryMB: vms.activeMemoryMB,
                             memoryContentionMB: memoryContentionMB(), lookbackSeconds: scoreState.lookbackSeconds, migrationCost: cost,
                             currentHost: host, currentCPUMHz: current)
    }

    /// MaxMovesPerHost for one-minute passes: min(8, ⌊60 s / mean vMotion time⌋ × slots), at least 1
    /// (classic's adaptive rule [FD-2010-MaxMoves] at the score pass period).
    func scoreMoveCapPerHost() -> Int {
        let slots = ConcurrencyLimits.networkMax(nicGbps: hosts.configs.map(\.vmotionNICGbps).min() ?? 10)
        let meanTime = migrationStats.meanDurationSeconds ?? estimatedVMotionSeconds
        let perSlot = Int((Self.scorePassPeriod.seconds / max(meanTime, 1e-3)).rounded(.down))
        return max(1, min(8, perSlot * slots))
    }

    /// One score DRS pass: rule fixes (priority 1, as classic), then the score balancer's moves.
    func scoreDRSPass() {
        let clock = ContinuousClock.now
        let now = simulation.now
        var rec: DRSPassRecord
        if let memo = scoreState.memo, memo.stillValid(self) {
            // Nothing the last pass read has changed and it planned no move: the same pass again
            // (make bench, fleet-1d-score: 4 of 5 passes fall between samples and most plan nothing).
            rec = memo.record
            rec.time = now
        } else {
            rec = plannedPolicyPass(ScoreBalancer(), view: makeBalancingView(), at: now)
            scoreState.memo = rec.recommended.allSatisfy { $0 == 0 } ? ScorePassMemo(self, record: rec) : nil
        }
        if let score = rec.clusterScore {
            summary.drsScoreSum += score
            summary.drsScorePasses += 1
            pendingRow?.drsScoreSum += score
            pendingRow?.drsScorePasses += 1
        }
        recorder.record(drsPass: rec)
        summary.drsPasses += 1
        summary.drsPassWallSeconds += (ContinuousClock.now - clock).secondsDouble
        scheduleDRS(at: now + Self.scorePassPeriod)
    }
}

/// Score DRS's per-VM and per-host constants (filled at the first pass) and its last pass.
struct ScoreDRSState {
    var memoryMB: [Double] = []
    /// Each VM's look-back window, seconds, and whether it uses the long (> 4 GB) one.
    var lookbackSeconds: [Double] = []
    var large: [Bool] = []
    var hostCores: [Double] = []
    var memo: ScorePassMemo?

    mutating func prepare(_ config: ClusterConfig) {
        memoryMB = config.vms.map(\.memoryMB)
        large = memoryMB.map { $0 > ScoreLookback.largeVMMemoryMB }
        lookbackSeconds = memoryMB.map { ScoreLookback.window(threshold: config.drs.threshold, memoryMB: $0).seconds }
        hostCores = config.hosts.map { Double($0.sockets * $0.coresPerSocket) }
    }
}

/// What a score pass that planned no move read, to tell whether the next pass would be the same:
/// the samples (history stamp), where every VM runs, the host states, and the vMotions in flight
/// (requests, starts, active and queued: the ledger and the planned hosts follow from them).
struct ScorePassMemo {
    let record: DRSPassRecord
    let pushes: Int
    let migrationStamp: [Int]
    let vmHost: [Int32]
    let hostState: [HostPowerState]

    init(_ rt: ClusterRuntime, record: DRSPassRecord) {
        self.record = record
        pushes = rt.history.pushes
        migrationStamp = Self.migrationStamp(rt)
        vmHost = rt.vms.host
        hostState = rt.hosts.state
    }

    static func migrationStamp(_ rt: ClusterRuntime) -> [Int] {
        [rt.migrationStats.requests, rt.migrationStats.startedSinceSample, rt.migrations.active.count, rt.migrations.queue.count]
    }

    func stillValid(_ rt: ClusterRuntime) -> Bool {
        rt.history.pushes == pushes && Self.migrationStamp(rt) == migrationStamp
            && rt.hosts.state == hostState && rt.vms.host == vmHost
    }
}
