import SimKernel

/// The policies' inputs built from a ``ClusterView`` and the ``PolicyInputs`` once per pass: the
/// what-if snapshot DRS and DPM plan on, DPM's per-host sums, and the views of classic and score
/// DRS. Tables are shared with the runtime (copy-on-write), never written through; only the
/// per-pass arrays (planned hosts, entitlements, sums) are new.
extension PolicyInputs {
    /// The snapshot DRS and DPM plan on: in-flight migrations count at their destination,
    /// entitlements from demand over the last `samples` samples (mean, or mean + 2 sd).
    func snapshot(_ view: ClusterView, samples: Int, conservative: Bool) -> BalanceSnapshot {
        let hosts = view.hosts, vms = view.vms
        let planned = view.plannedHosts()
        let estimate = windowEstimates(samples: samples, conservative: conservative)
        let nh = hosts.count
        var cpu = Array(repeating: 0.0, count: vms.count), mem = cpu
        var hostCPU = Array(repeating: 0.0, count: nh), hostMemory = hostCPU, hostFootprint = hostCPU
        Self.entitlements(planned, estimate.cpuMHz, estimate.memoryMB, vmReservation, vms.limitMHz, vms.footprintMB,
                          cpu: &cpu, memory: &mem, hostCPU: &hostCPU, hostMemory: &hostMemory, hostFootprint: &hostFootprint)
        // A host whose memory state is soft or worse is overloaded for DRS (docs/model.md, Memory): its
        // memory load counts as at least 100 %, so DRS moves VMs off it and none onto it.
        for h in 0..<nh where hosts.memoryState[h] >= .soft && hosts.state[h] == .on {
            hostMemory[h] = max(hostMemory[h], hosts.memoryCapacityMB[h])
        }
        return BalanceSnapshot(
            plannedHost: planned, cpuEntitlement: cpu, memoryEntitlement: mem, footprintMB: vms.footprintMB,
            hostCPU: hostCPU, hostMemory: hostMemory, hostFootprint: hostFootprint,
            cpuCapacity: hosts.cpuCapacityMHz, memoryCapacity: hosts.memoryCapacityMB,
            participates: hosts.state.map { $0 == .on })
    }

    /// Entitlements of planned VMs (demand bounded by reservation and limit; 0 for down VMs) and
    /// their per-host sums, in one pass over raw buffers in VM index order (perf, fleet 2 days:
    /// the checked per-VM writes here and the snapshot's own pass were 7 % of the run).
    private static func entitlements(_ planned: [Int32], _ estimateCPU: [Double], _ estimateMemory: [Double],
                                     _ reservation: [Double], _ limit: [Double], _ footprint: [Double],
                                     cpu: inout [Double], memory: inout [Double],
                                     hostCPU: inout [Double], hostMemory: inout [Double], hostFootprint: inout [Double]) {
        cpu.withUnsafeMutableBufferPointer { cpu in
        memory.withUnsafeMutableBufferPointer { memory in
        hostCPU.withUnsafeMutableBufferPointer { hostCPU in
        hostMemory.withUnsafeMutableBufferPointer { hostMemory in
        hostFootprint.withUnsafeMutableBufferPointer { hostFootprint in
            for v in 0..<cpu.count where planned[v] >= 0 {
                let h = Int(planned[v])
                let c = min(max(estimateCPU[v], reservation[v]), limit[v])
                let m = estimateMemory[v]
                cpu[v] = c
                memory[v] = m
                hostCPU[h] += c
                hostMemory[h] += m
                hostFootprint[h] += footprint[v]
            }
        }}}}}
    }

    /// Per-host sums of DPM's conservative demand estimate (mean + 2 sd over `samples`),
    /// in-flight migrations counted at their destination.
    func hostEstimates(_ view: ClusterView, samples: Int) -> (cpu: [Double], memory: [Double]) {
        let vms = view.vms, migrations = view.migrations
        let e = windowEstimates(samples: samples, conservative: true)
        var cpu = Array(repeating: 0.0, count: view.hosts.count), memory = cpu
        Self.sumByHost(vms.host, e.cpuMHz, e.memoryMB, vmReservation, vms.limitMHz, &cpu, &memory)
        // In-flight migrations count at their destination.
        for ids in [migrations.active, migrations.queue] {
            for id in ids {
                let m = migrations.slots[Int(id)]
                let v = Int(m.vm), s = Int(vms.host[v]), d = Int(m.destination)
                let c = min(max(e.cpuMHz[v], vmReservation[v]), vms.limitMHz[v])
                if s >= 0 { cpu[s] -= c; memory[s] -= e.memoryMB[v] }
                cpu[d] += c; memory[d] += e.memoryMB[v]
            }
        }
        return (cpu, memory)
    }

    /// Per-host sums over raw buffers (perf, fleet 10 days on 2 threads: with checked writes this
    /// loop was 5 % of the run, DPM's largest part).
    private static func sumByHost(_ host: [Int32], _ c: [Double], _ m: [Double], _ reservation: [Double], _ limit: [Double],
                                  _ cpu: inout [Double], _ memory: inout [Double]) {
        let n = host.count
        precondition(c.count == n && m.count == n && reservation.count == n && limit.count == n, "one entry per VM")
        host.withUnsafeBufferPointer { host in
        c.withUnsafeBufferPointer { c in
        m.withUnsafeBufferPointer { m in
        reservation.withUnsafeBufferPointer { reservation in
        limit.withUnsafeBufferPointer { limit in
        cpu.withUnsafeMutableBufferPointer { cpu in
        memory.withUnsafeMutableBufferPointer { memory in
            for v in 0..<n where host[v] >= 0 {
                let h = Int(host[v])
                cpu[h] += min(max(c[v], reservation[v]), limit[v])
                memory[h] += m[v]
            }
        }}}}}}}
    }

    /// The view of a classic pass: the snapshot over DRS's demand window (in-flight moves at their
    /// destination, memory-stressed hosts at least full), classic's move cap, and
    /// ``ClassicDRSInputs``. The long-window demand is computed only if the pass asks for it. The
    /// score model's latest-CPU figures (`currentCPUMHz`) are left empty: classic does not score VMs.
    mutating func classicView(_ view: ClusterView) -> BalancingView {
        score.prepareIfNeeded(view.config)
        let config = view.config, hosts = view.hosts, vms = view.vms, migrations = view.migrations
        let snapshot = snapshot(view, samples: samples(config.drs.demandWindow), conservative: false)
        var inFlightFrom = Array(repeating: 0, count: hosts.count)
        for ids in [migrations.active, migrations.queue] {
            for id in ids where migrations.slots[Int(id)].source >= 0 { inFlightFrom[Int(migrations.slots[Int(id)].source)] += 1 }
        }
        let long = max(samples(config.dpm.historyPowerOff), samples(config.drs.demandWindow))
        let cache = estimates, history = history
        let inputs = ClassicDRSInputs(
            hostClass: hostClass, movesInFlightFrom: inFlightFrom, vmotionStreams: view.network.streams,
            vmotionReservationMHz: view.network.reservationMHz,
            longDemand: {
                (cache.estimates(history, samples: long, conservative: false).cpuMHz,
                 cache.estimates(history, samples: long, conservative: true).cpuMHz)
            })
        return BalancingView(snapshot: snapshot, compatibility: view.compatibility(), rules: rules, migrating: vms.migrating,
                             threshold: config.drs.threshold, moveCapPerHost: view.classicMoveCap(),
                             hostCores: score.hostCores, coreMHz: hosts.coreMHz, activeMemoryMB: vms.activeMemoryMB,
                             memoryContentionMB: vms.contentionMB, lookbackSeconds: score.lookbackSeconds,
                             migrationCost: migrationCost(view), currentHost: vms.host, currentCPUMHz: [], classic: inputs)
    }

    /// The view of a score pass (and of a caller's policy): in-flight moves at their destination,
    /// each VM's CPU demand averaged over its look-back window (by threshold and memory size) from
    /// the latest samples; the VMs in `planned` count as migrating.
    mutating func scoreView(_ view: ClusterView, excluding planned: [Int] = []) -> BalancingView {
        score.prepareIfNeeded(view.config)
        let config = view.config, hosts = view.hosts, vms = view.vms
        let small = windowEstimates(samples: scoreWindows.first ?? 1, conservative: false)
        let large = windowEstimates(samples: scoreWindows.last ?? 1, conservative: false)
        let latest = windowEstimates(samples: 1, conservative: false).cpuMHz
        let plannedHost = view.plannedHosts()
        let n = vms.count
        var cpu = Array(repeating: 0.0, count: n), memory = cpu, current = cpu
        let big = score.large, host = vms.host, reservation = vmReservation, limit = vms.limitMHz
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
        return BalancingView(snapshot: snapshot, compatibility: view.compatibility(), rules: rules, migrating: migrating,
                             threshold: config.drs.threshold, moveCapPerHost: view.adaptiveMoveCap(period: ScoreDRSState.passPeriod),
                             hostCores: score.hostCores, coreMHz: hosts.coreMHz, activeMemoryMB: vms.activeMemoryMB,
                             memoryContentionMB: vms.contentionMB, lookbackSeconds: score.lookbackSeconds,
                             migrationCost: migrationCost(view), currentHost: host, currentCPUMHz: current)
    }

    private func migrationCost(_ view: ClusterView) -> MigrationCostInputs {
        MigrationCostInputs(memoryMB: score.memoryMB, dirtyRateMbps: view.vms.dirtyRateMbps, linkMbps: view.network.linkMbps,
                            networkStreams: view.network.networkCost, switchoverGoalSeconds: view.config.vmotion.switchoverGoal.seconds,
                            resumeSeconds: view.config.vmotion.resumeTime.seconds)
    }
}

/// Score DRS's per-VM and per-host constants (filled at the first pass) and its last pass.
struct ScoreDRSState {
    /// Score DRS runs every minute ([Hagoort-2020]), whatever `drs.period` (classic's) says.
    static let passPeriod: SimTime = .minutes(1)

    var memoryMB: [Double] = []
    /// Each VM's look-back window, seconds, and whether it uses the long (> 4 GB) one.
    var lookbackSeconds: [Double] = []
    var large: [Bool] = []
    var hostCores: [Double] = []
    var memo: ScorePassMemo?

    /// The look-back windows (in samples) a score cluster reads, for ``DemandHistory``'s running sums.
    static func windows(_ config: ClusterConfig, _ settings: RunSettings) -> [Int] {
        guard config.drs.enabled, config.balancingAlgorithm == .score else { return [] }
        return [ScoreLookback.largeVMMemoryMB, ScoreLookback.largeVMMemoryMB + 1].map {
            ScoreLookback.samples(threshold: config.drs.threshold, memoryMB: $0, interval: settings.sampleInterval)
        }
    }

    mutating func prepareIfNeeded(_ config: ClusterConfig) {
        guard lookbackSeconds.count != config.vms.count else { return }
        memoryMB = config.vms.map(\.memoryMB)
        large = memoryMB.map { $0 > ScoreLookback.largeVMMemoryMB }
        lookbackSeconds = memoryMB.map { ScoreLookback.window(threshold: config.drs.threshold, memoryMB: $0).seconds }
        hostCores = config.hosts.map { Double($0.sockets * $0.coresPerSocket) }
    }
}

/// What a score pass that planned no move read, to tell whether the next pass would be the same:
/// the samples (history stamp), where every VM runs, the host states, and the vMotions in flight
/// (requests, starts, active and queued: the ledger and the planned hosts follow from them). Taken
/// from the tables directly, not through a ``ClusterView``: it is checked every minute.
struct ScorePassMemo {
    let record: DRSPassRecord
    let pushes: Int
    let migrationStamp: [Int]
    let vmHost: [Int32]
    let hostState: [HostPowerState]

    init(record: DRSPassRecord, pushes: Int, hostState: [HostPowerState], vmHost: [Int32], migrations: MigrationTable,
         stats: MigrationStatistics) {
        self.record = record
        self.pushes = pushes
        migrationStamp = Self.migrationStamp(migrations, stats)
        self.vmHost = vmHost
        self.hostState = hostState
    }

    static func migrationStamp(_ migrations: MigrationTable, _ stats: MigrationStatistics) -> [Int] {
        [stats.requests, stats.startedSinceSample, migrations.active.count, migrations.queue.count]
    }

    func stillValid(pushes: Int, hostState: [HostPowerState], vmHost: [Int32], migrations: MigrationTable,
                    stats: MigrationStatistics) -> Bool {
        pushes == self.pushes && Self.migrationStamp(migrations, stats) == migrationStamp
            && hostState == self.hostState && vmHost == self.vmHost
    }
}
