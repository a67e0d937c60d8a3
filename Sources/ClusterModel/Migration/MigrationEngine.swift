import Foundation
import SimKernel
import Stochastics

/// A copying migration that ended (completed, aborted or failed), as the engine returns it: the
/// engine never calls back into the runtime; its caller acts on what ended (an evacuation's
/// progress: host lifecycle).
struct EndedMigration {
    /// The host the VM was leaving.
    let source: Int
    let outcome: MigrationOutcome
}

/// The vMotion engine (docs/model.md, vMotion): vCenter's concurrency queue, pre-copy rounds over
/// max-min shared NIC bandwidth with SDPS, switchover downtime, aborts and failures. It owns the
/// migration table, the concurrency ledger, the bandwidth allocator and the per-host vMotion
/// load; it changes the cluster only through ``ClusterState`` (reservations on the destination
/// while copying, the VM's move at switchover) and returns the migrations that ended.
/// The checks a request passes first are ``VMotionCompatibility`` and admission control, made by
/// the runtime; policies only submit requests, nothing else moves a running VM.
struct MigrationEngine {
    var table = MigrationTable()
    private(set) var ledger: ConcurrencyLedger
    private var bandwidth: BandwidthAllocator
    /// Usable vMotion NIC rate per host, Mbit/s (line rate × efficiency).
    let linkMbps: [Double]
    /// vMotion streams per host (ConcurrencyLimits.streams): one migration's rate is at most
    /// streams × 15 Gbit/s, and its CPU reservation at most one core per stream.
    let streams: [Int]
    /// A typical vMotion's duration before any has completed (mean VM, full link), seconds.
    let estimatedSeconds: Double
    /// CPU each host reserves while it has vMotions in flight, MHz (docs/model.md, Switchover).
    let reservationMHz: [Double]
    /// Concurrent vMotions the cluster's slowest vMotion NIC allows (adaptive MaxMovesPerHost).
    let slowestHostSlots: Int
    var stats = MigrationStatistics()
    /// Active vMotions per host.
    private var hostLoad: [Int32]
    private(set) var sdpsSince: [SimTime]
    private var flowSource: [Int32] = []
    private var flowDestination: [Int32] = []
    private var flowCap: [Double] = []
    private var flowRates: [Double] = []
    private let vmotion: VMotionConfig
    private let nicGbps: [Double]
    private let wwsFraction: [Double]
    private let seed: UInt64
    private let simulation: Simulation
    /// The runtime's handler id on `simulation`.
    private let target: Int32
    private let recorder: ClusterRecorder

    init(config: ClusterConfig, seed: UInt64, simulation: Simulation, target: Int32, recorder: ClusterRecorder) {
        ledger = ConcurrencyLedger(nicGbps: config.hosts.map(\.vmotionNICGbps), datastores: max(1, config.datastoreNames.count))
        bandwidth = BandwidthAllocator(hosts: config.hosts.count)
        linkMbps = config.hosts.map { $0.vmotionNICGbps * 1_000 * config.vmotion.nicEfficiency }
        streams = config.hosts.map {
            ConcurrencyLimits.streams(nicGbps: $0.vmotionNICGbps, vmknics: $0.vmotionVMknics, followLink: config.vmotionStreamsFollowLink)
        }
        let meanMemory = config.vms.isEmpty ? 0 : config.vms.reduce(0) { $0 + $1.memoryMB } / Double(config.vms.count)
        let fastest = config.hosts.map { $0.vmotionNICGbps * 1_000 * config.vmotion.nicEfficiency }.min() ?? 1_000
        estimatedSeconds = max(1, meanMemory * DataUnits.mbitPerMiB / fastest * 1.25)
        reservationMHz = zip(config.hosts, streams).map { host, streams in
            ConcurrencyLimits.cpuReservationCores(nicGbps: host.vmotionNICGbps, streams: streams) * host.coreMHz
        }
        slowestHostSlots = ConcurrencyLimits.networkMax(nicGbps: config.hosts.map(\.vmotionNICGbps).min() ?? 10)
        hostLoad = Array(repeating: 0, count: config.hosts.count)
        sdpsSince = Array(repeating: .zero, count: config.vms.count)
        vmotion = config.vmotion
        nicGbps = config.hosts.map(\.vmotionNICGbps)
        wwsFraction = config.workloads.map(\.wwsFraction)
        self.seed = seed
        self.simulation = simulation
        self.target = target
        self.recorder = recorder
    }

    /// Queued and copying migrations, in that order of concern: copying first (start order), then queued (oldest first).
    var inFlight: [Int32] { table.active + table.queue }

    /// Row `v` has a new VM (churn): its SDPS clock starts over.
    mutating func resetVM(_ v: Int) { sdpsSince[v] = .zero }

    /// Counts a request (before its checks).
    mutating func count(_ reason: MigrationReason) {
        stats.requests += 1
        stats.byReason[reason, default: 0] += 1
    }

    /// Records a request the checks refused at once.
    mutating func reject(vm v: Int, to d: Int, reason: MigrationReason, detail: MigrationDetail, _ state: ClusterState) {
        var slot = MigrationSlot(vm: Int32(v), source: state.vms.host[v], destination: Int32(d), reason: reason, requested: simulation.now)
        slot.phase = .queued
        recordOutcome(slot, outcome: .rejected, detail: detail, state)
    }

    /// Queues a checked request and starts what fits.
    mutating func enqueue(vm v: Int, to d: Int, reason: MigrationReason, _ state: inout ClusterState) {
        var slot = MigrationSlot(vm: Int32(v), source: state.vms.host[v], destination: Int32(d), reason: reason, requested: simulation.now)
        slot.sharedNothing = !state.hosts.configs[d].datastores.contains(state.vms.datastore[v])
        slot.destinationDatastore = slot.sharedNothing ? state.hosts.configs[d].datastores[0] : state.vms.datastore[v]
        state.setMigrating(v, true)
        let id = table.insert(slot)
        table.queue.append(id)
        startQueued(&state)
    }

    /// Starts queued requests, oldest first, whose concurrency costs fit (a request blocked by
    /// a busy host does not hold back requests between other hosts).
    mutating func startQueued(_ state: inout ClusterState) {
        var k = 0
        while k < table.queue.count {
            let id = table.queue[k]
            let m = table.slots[Int(id)]
            let v = Int(m.vm)
            // Re-validate: the world may have changed while the request waited.
            if state.vms.host[v] != m.source || state.hosts.state[Int(m.destination)] != .on
                || !state.admitsReservations(v, on: Int(m.destination)) {
                let detail: MigrationDetail = state.vms.host[v] != m.source ? .vmNotRunning
                    : (state.hosts.state[Int(m.destination)] != .on ? .destinationNotOn : state.reservationShortfall(v, on: Int(m.destination)))
                table.queue.remove(at: k)
                state.setMigrating(v, false)
                recordOutcome(m, outcome: .rejected, detail: detail, state)
                table.remove(id)
                continue
            }
            let ds = (Int(state.vms.datastore[v]), m.sharedNothing ? Int(m.destinationDatastore) : nil)
            if ledger.fits(source: Int(m.source), destination: Int(m.destination), storage: m.sharedNothing, datastores: ds)
                && streamBandwidthSuffices(m) {
                table.queue.remove(at: k)
                start(id, &state)
            } else {
                k += 1
            }
        }
    }

    /// Each concurrent stream needs at least `minStreamMbps` of line rate on both NICs
    /// ([Docs-vMotionNet]: 250 Mbit/s per concurrent vMotion); a first stream always starts.
    private func streamBandwidthSuffices(_ m: MigrationSlot) -> Bool {
        let s = Int(m.source), d = Int(m.destination)
        let min = vmotion.minStreamMbps * 0.999
        let lineS = nicGbps[s] * 1_000, lineD = nicGbps[d] * 1_000
        return (lineS / Double(ledger.networkCost[s] + 1) >= min && lineD / Double(ledger.networkCost[d] + 1) >= min)
            || (ledger.networkCost[s] == 0 && ledger.networkCost[d] == 0)
    }

    private mutating func start(_ id: Int32, _ state: inout ClusterState) {
        let now = simulation.now
        var m = table.slots[Int(id)]
        let v = Int(m.vm), s = Int(m.source), d = Int(m.destination)
        let ds = (Int(state.vms.datastore[v]), m.sharedNothing ? Int(m.destinationDatastore) : nil)
        ledger.apply(source: s, destination: d, storage: m.sharedNothing, datastores: ds, sign: 1)
        m.chargedDatastores = ds
        state.reserve(v, on: d, sign: 1)
        m.started = now
        m.phase = m.sharedNothing ? .diskCopy : .precopy
        let vmc = state.vms.configs[v]
        m.remainingMbit = m.sharedNothing ? vmc.diskMB * DataUnits.mbitPerMiB : vmc.memoryMB * DataUnits.mbitPerMiB
        m.roundStart = now
        m.lastUpdate = now
        table.slots[Int(id)] = m
        table.active.append(id)
        stats.startedSinceSample += 1
        changeLoad(host: s, by: 1, &state)
        changeLoad(host: d, by: 1, &state)
        rebalance()
    }

    /// Adjusts a host's count of active vMotions and its vMotion CPU reservation.
    private mutating func changeLoad(host h: Int, by delta: Int, _ state: inout ClusterState) {
        hostLoad[h] += Int32(delta)
        state.setVMotionOverhead(h, mhz: hostLoad[h] > 0 ? reservationMHz[h] : 0)
    }

    /// One migration's rate cap between `s` and `d`: streams × 15 Gbit/s on the side with fewer streams.
    func streamCapMbps(_ s: Int, _ d: Int) -> Double {
        Double(min(streams[s], streams[d])) * ConcurrencyLimits.streamMbps
    }

    /// Brings every copying migration's progress up to now, recomputes max-min fair rates and
    /// reschedules the completion events whose rate changed.
    private mutating func rebalance() {
        let now = simulation.now
        let ids = table.active
        flowSource.removeAll(keepingCapacity: true)
        flowDestination.removeAll(keepingCapacity: true)
        flowCap.removeAll(keepingCapacity: true)
        for id in ids {
            var m = table.slots[Int(id)]
            if m.phase != .switchover {
                let sent = min(m.remainingMbit, m.rateMbps * (now - m.lastUpdate).seconds)
                m.remainingMbit -= sent
                if m.phase == .diskCopy { m.storageSentMbit += sent } else { m.memorySentMbit += sent }
            }
            m.lastUpdate = now
            table.slots[Int(id)] = m
            flowSource.append(m.source)
            flowDestination.append(m.destination)
            flowCap.append(m.phase == .diskCopy ? vmotion.storageCopyMbps : streamCapMbps(Int(m.source), Int(m.destination)))
        }
        bandwidth.allocate(source: flowSource, destination: flowDestination, cap: flowCap, linkMbps: linkMbps, rates: &flowRates)
        for (k, id) in ids.enumerated() {
            var m = table.slots[Int(id)]
            let rate = flowRates[k]
            guard m.phase != .switchover else { m.rateMbps = rate; table.slots[Int(id)] = m; continue }
            if rate != m.rateMbps || !simulation.isPending(m.handle) {
                m.rateMbps = rate
                simulation.cancel(m.handle)
                let seconds = rate > 0 ? m.remainingMbit / rate : 86_400 * 365
                m.handle = simulation.schedule(at: now + SimTime.seconds(seconds), priority: EventPriority.stateChange,
                                               target: target, kind: EventKind.migrationStep.rawValue, payload: Int64(id))
            }
            table.slots[Int(id)] = m
        }
    }

    /// A disk phase or pre-copy round of migration `id` finished.
    mutating func stepEnded(_ id: Int32, _ state: ClusterState) {
        let now = simulation.now
        var m = table.slots[Int(id)]
        if m.phase == .diskCopy { m.storageSentMbit += m.remainingMbit } else { m.memorySentMbit += m.remainingMbit }
        m.remainingMbit = 0
        m.lastUpdate = now
        m.handle = .invalid
        let v = Int(m.vm)
        let vmc = state.vms.configs[v]
        let vc = vmotion
        if m.phase == .diskCopy {
            m.phase = .precopy
            m.remainingMbit = vmc.memoryMB * DataUnits.mbitPerMiB
            m.roundStart = now
            table.slots[Int(id)] = m
            rebalance()
            return
        }
        // Round m.rounds ended: the next round resends what was dirtied meanwhile (≤ WWS).
        let roundSeconds = (now - m.roundStart).seconds
        m.rounds += 1
        let wwsMbit = wwsFraction[Int(state.vms.workload[v])] * vmc.memoryMB * DataUnits.mbitPerMiB
        let rawDirty = state.vms.dirtyRateMbps[v]
        let next = min(wwsMbit, rawDirty * m.throttle * roundSeconds)
        let b = max(m.rateMbps, 1e-9)
        let goal = vc.switchoverGoal.seconds
        if next <= b * goal || m.rounds >= vc.maxPrecopyRounds {
            m.hitRoundLimit = next > b * goal
            beginSwitchover(&m, remainderMbit: next, id: id, state)
            return
        }
        if vc.sdps && !Self.converges(remainingMbit: next, dirtyMbps: rawDirty * m.throttle, bandwidthMbps: b,
                                      roundsLeft: vc.maxPrecopyRounds - m.rounds, goal: goal) {
            // SDPS: slow the guest so that it dirties memory at half the link rate.
            let throttle = min(1, 0.5 * b / max(rawDirty, 1e-9))
            if throttle < m.throttle {
                if !m.sdpsEngaged { m.sdpsEngaged = true; sdpsSince[v] = now }
                m.throttle = throttle
            }
        }
        m.remainingMbit = next
        m.roundStart = now
        m.rateMbps = b
        m.handle = simulation.schedule(at: now + SimTime.seconds(next / b), priority: EventPriority.stateChange,
                                       target: target, kind: EventKind.migrationStep.rawValue, payload: Int64(id))
        table.slots[Int(id)] = m
    }

    /// Whether pre-copy from `remainingMbit` reaches the switchover goal within `roundsLeft` rounds.
    private static func converges(remainingMbit: Double, dirtyMbps: Double, bandwidthMbps: Double, roundsLeft: Int, goal: Double) -> Bool {
        let lambda = dirtyMbps / bandwidthMbps
        guard lambda < 1 else { return false }
        guard lambda > 0 else { return true }
        let needed = log(bandwidthMbps * goal / remainingMbit) / log(lambda)
        return needed <= Double(roundsLeft)
    }

    private mutating func beginSwitchover(_ m: inout MigrationSlot, remainderMbit: Double, id: Int32, _ state: ClusterState) {
        let now = simulation.now
        let v = Int(m.vm)
        m.phase = .switchover
        m.stunStart = now
        let b = max(m.rateMbps, 1e-9)
        m.downtimeSeconds = remainderMbit / b + vmotion.resumeTime.seconds
        m.memorySentMbit += remainderMbit
        if m.sdpsEngaged {
            stats.sdpsUnmetMHzSeconds += state.vms.cpuServedMHz[v] * (1 - m.throttle) * (now - sdpsSince[v]).seconds
        }
        m.handle = simulation.schedule(at: now + SimTime.seconds(m.downtimeSeconds), priority: EventPriority.stateChange,
                                       target: target, kind: EventKind.migrationSwitchover.rawValue, payload: Int64(id))
        table.slots[Int(id)] = m
    }

    /// The VM resumes on the destination: its memory and load move there at this instant.
    mutating func switchoverEnded(_ id: Int32, _ state: inout ClusterState) -> EndedMigration? {
        let m = table.slots[Int(id)]
        state.move(Int(m.vm), from: Int(m.source), to: Int(m.destination), datastore: m.sharedNothing ? m.destinationDatastore : nil)
        return finish(id, outcome: .ok, detail: m.hitRoundLimit ? .roundLimit : .none, &state)
    }

    /// Ends migration `id`: releases its costs, records it, restarts the queue. Returns it when it
    /// was leaving a host that may be evacuating (any outcome but `failed`).
    mutating func finish(_ id: Int32, outcome: MigrationOutcome, detail: MigrationDetail, _ state: inout ClusterState) -> EndedMigration? {
        var m = table.slots[Int(id)]
        let v = Int(m.vm), s = Int(m.source), d = Int(m.destination)
        simulation.cancel(m.handle)
        let wasActive = m.started != nil
        if wasActive && m.phase != .switchover {
            // Count what was sent up to an abort or failure.
            let sent = min(m.remainingMbit, m.rateMbps * (simulation.now - m.lastUpdate).seconds)
            if m.phase == .diskCopy { m.storageSentMbit += sent } else { m.memorySentMbit += sent }
        }
        if wasActive {
            ledger.apply(source: s, destination: d, storage: m.sharedNothing, datastores: m.chargedDatastores, sign: -1)
            if outcome != .ok { state.reserve(v, on: d, sign: -1) }
        }
        state.setMigrating(v, false)
        recordOutcome(m, outcome: outcome, detail: detail, state)
        table.remove(id)
        if wasActive {
            changeLoad(host: s, by: -1, &state)
            changeLoad(host: d, by: -1, &state)
            rebalance()
        }
        startQueued(&state)
        return outcome == .failed ? nil : EndedMigration(source: s, outcome: outcome)
    }

    /// How migration `id` ends because host `h` leaves `on`: aborted when it heads to `h`,
    /// failed when it leaves a failed `h`; nil when it does not involve `h`.
    func ending(of id: Int32, hostLeftOn h: Int, sourceFailed: Bool) -> (MigrationOutcome, MigrationDetail)? {
        let m = table.slots[Int(id)]
        if Int(m.destination) == h { return (.aborted, .destinationLeftOn) }
        if sourceFailed && Int(m.source) == h { return (.failed, .sourceFailed) }
        return nil
    }

    /// Records every migration still in flight as `unfinished` (the run ended).
    mutating func recordUnfinished(_ state: ClusterState) {
        for id in inFlight {
            recordOutcome(table.slots[Int(id)], outcome: .unfinished, detail: .runEnded, state)
        }
    }

    /// Records a finished request and updates the statistics.
    private mutating func recordOutcome(_ m: MigrationSlot, outcome: MigrationOutcome, detail: MigrationDetail, _ state: ClusterState) {
        let now = simulation.now
        let v = Int(m.vm)
        stats.byOutcome[outcome, default: 0] += 1
        var downtimeMS = 0.0, pings = 0
        if outcome == .ok {
            downtimeMS = m.downtimeSeconds * 1_000
            pings = lostPings(vm: v, name: state.vms.configs[v].name, from: m.stunStart, seconds: m.downtimeSeconds)
            stats.downtimesMS.append(downtimeMS)
            if let started = m.started { stats.durations.add((now - started).seconds) }
            stats.lostPings += pings
            stats.downtimeMSSinceSample += downtimeMS
            if m.sdpsEngaged { stats.sdpsEngaged += 1 }
        }
        let hosts = state.hosts
        let record = MigrationRecord(
            vm: state.vms.configs[v].name,
            source: m.source >= 0 ? hosts.configs[Int(m.source)].name : "",
            destination: hosts.configs[Int(m.destination)].name,
            reason: m.reason, requested: m.requested, started: m.started, finished: now,
            precopyRounds: m.rounds, memoryMB: state.vms.configs[v].memoryMB,
            transferredMB: m.memorySentMbit / DataUnits.mbitPerMiB, storageMB: m.storageSentMbit / DataUnits.mbitPerMiB,
            downtimeMS: downtimeMS, lostPings: pings, sdpsEngaged: m.sdpsEngaged, outcome: outcome, detail: detail)
        recorder.record(migration: record)
    }

    /// Pings sent every second at a per-VM random phase that fall inside the stun window.
    private func lostPings(vm v: Int, name: String, from start: SimTime, seconds: Double) -> Int {
        let seed = StreamSeeds.derive(master: seed, name: "ping/" + name)
        let phase = Double(seed >> 11) * 0x1p-53
        let a = start.seconds - phase, b = a + seconds
        return max(0, Int(b.rounded(.up)) - Int(a.rounded(.up)))
    }
}
