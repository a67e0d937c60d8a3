import Foundation
import SimKernel
import Stochastics

/// The vMotion engine (DESIGN §4.4): checks, vCenter's concurrency queue, pre-copy rounds over
/// max-min shared NIC bandwidth with SDPS, switchover downtime, aborts and failures. Policies
/// only submit requests here; nothing else moves a running VM.
extension ClusterRuntime {
    /// Submits a migration of VM `v` to host `d`. Returns the rejection detail when the checks
    /// fail at once (the request is then recorded as `rejected`), else `.none` (started or queued).
    @discardableResult
    public func requestMigration(vm v: Int, to d: Int, reason: MigrationReason) -> MigrationDetail {
        let now = simulation.now
        migrationStats.requests += 1
        migrationStats.byReason[reason, default: 0] += 1
        let detail = checkMigration(vm: v, to: d)
        let source = vms.host[v]
        if detail != .none {
            var slot = MigrationSlot(vm: Int32(v), source: source, destination: Int32(d), reason: reason, requested: now)
            slot.phase = .queued
            recordOutcome(slot, outcome: .rejected, detail: detail)
            return detail
        }
        var slot = MigrationSlot(vm: Int32(v), source: source, destination: Int32(d), reason: reason, requested: now)
        slot.sharedNothing = isSharedNothing(vm: v, to: d)
        slot.destinationDatastore = slot.sharedNothing ? hosts.configs[d].datastores[0] : vms.datastore[v]
        vms.migrating[v] = true
        let id = migrations.insert(slot)
        migrations.queue.append(id)
        startQueuedMigrations()
        return .none
    }

    /// Number of migrations copying now, and waiting for a slot.
    public var migrationsActiveCount: Int { migrations.active.count }
    public var migrationsQueuedCount: Int { migrations.queue.count }

    /// Destinations and VMs of every queued or copying migration (for policies that must count
    /// in-flight moves where they are going).
    public var migrationsInFlight: [(vm: Int, source: Int, destination: Int)] {
        (migrations.active + migrations.queue).map {
            let m = migrations.slots[Int($0)]
            return (Int(m.vm), Int(m.source), Int(m.destination))
        }
    }

    /// Starts queued requests, oldest first, whose concurrency costs fit (a request blocked by
    /// a busy host does not hold back requests between other hosts).
    func startQueuedMigrations() {
        var k = 0
        while k < migrations.queue.count {
            let id = migrations.queue[k]
            let m = migrations.slots[Int(id)]
            let v = Int(m.vm)
            // Re-validate: the world may have changed while the request waited.
            if vms.host[v] != m.source || hosts.state[Int(m.destination)] != .on
                || !admitsReservations(v, on: Int(m.destination)) {
                let detail: MigrationDetail = vms.host[v] != m.source ? .vmNotRunning
                    : (hosts.state[Int(m.destination)] != .on ? .destinationNotOn : reservationShortfall(v, on: Int(m.destination)))
                migrations.queue.remove(at: k)
                vms.migrating[v] = false
                recordOutcome(m, outcome: .rejected, detail: detail)
                migrations.remove(id)
                continue
            }
            let ds = (Int(vms.datastore[v]), m.sharedNothing ? Int(m.destinationDatastore) : nil)
            if ledger.fits(source: Int(m.source), destination: Int(m.destination), storage: m.sharedNothing, datastores: ds)
                && streamBandwidthSuffices(m) {
                migrations.queue.remove(at: k)
                startMigration(id)
            } else {
                k += 1
            }
        }
    }

    /// Each concurrent stream needs at least `minStreamMbps` of line rate on both NICs
    /// ([Docs-vMotionNet]: 250 Mbit/s per concurrent vMotion); a first stream always starts.
    private func streamBandwidthSuffices(_ m: MigrationSlot) -> Bool {
        let s = Int(m.source), d = Int(m.destination)
        let min = config.vmotion.minStreamMbps * 0.999
        let lineS = hosts.configs[s].vmotionNICGbps * 1_000, lineD = hosts.configs[d].vmotionNICGbps * 1_000
        return (lineS / Double(ledger.networkCost[s] + 1) >= min && lineD / Double(ledger.networkCost[d] + 1) >= min)
            || (ledger.networkCost[s] == 0 && ledger.networkCost[d] == 0)
    }

    private func startMigration(_ id: Int32) {
        let now = simulation.now
        var m = migrations.slots[Int(id)]
        let v = Int(m.vm), s = Int(m.source), d = Int(m.destination)
        let ds = (Int(vms.datastore[v]), m.sharedNothing ? Int(m.destinationDatastore) : nil)
        ledger.apply(source: s, destination: d, storage: m.sharedNothing, datastores: ds, sign: 1)
        m.chargedDatastores = ds
        reserve(v, on: d, sign: 1)
        m.started = now
        m.phase = m.sharedNothing ? .diskCopy : .precopy
        m.remainingMbit = m.sharedNothing ? vms.configs[v].diskMB * DataUnits.mbitPerMiB : vms.configs[v].memoryMB * DataUnits.mbitPerMiB
        m.roundStart = now
        m.lastUpdate = now
        migrations.slots[Int(id)] = m
        migrations.active.append(id)
        migrationStats.startedSinceSample += 1
        changeVMotionLoad(host: s, by: 1)
        changeVMotionLoad(host: d, by: 1)
        rebalanceBandwidth()
    }

    /// Adjusts a host's count of active vMotions and its vMotion CPU reservation and power.
    func changeVMotionLoad(host h: Int, by delta: Int) {
        vmotionCount[h] += Int32(delta)
        hosts.vmotionOverheadMHz[h] = vmotionCount[h] > 0 ? vmotionReservationMHz(h) : 0
        energy.setPower(h, watts: hostPower(h), at: simulation.now)
        energy.refreshTotal()
    }

    /// One migration's rate cap between `s` and `d`: streams × 15 Gbit/s on the side with fewer streams.
    func vmotionStreamCapMbps(_ s: Int, _ d: Int) -> Double {
        Double(min(vmotionStreams[s], vmotionStreams[d])) * ConcurrencyLimits.streamMbps
    }

    /// vMotion's CPU reservation on host `h` while it has active migrations, MHz.
    func vmotionReservationMHz(_ h: Int) -> Double {
        ConcurrencyLimits.cpuReservationCores(nicGbps: hosts.configs[h].vmotionNICGbps, streams: vmotionStreams[h]) * hosts.coreMHz[h]
    }

    /// Brings every copying migration's progress up to now, recomputes max-min fair rates and
    /// reschedules the completion events whose rate changed.
    func rebalanceBandwidth() {
        let now = simulation.now
        let ids = migrations.active
        flowSource.removeAll(keepingCapacity: true)
        flowDestination.removeAll(keepingCapacity: true)
        flowCap.removeAll(keepingCapacity: true)
        for id in ids {
            var m = migrations.slots[Int(id)]
            if m.phase != .switchover {
                let sent = min(m.remainingMbit, m.rateMbps * (now - m.lastUpdate).seconds)
                m.remainingMbit -= sent
                if m.phase == .diskCopy { m.storageSentMbit += sent } else { m.memorySentMbit += sent }
            }
            m.lastUpdate = now
            migrations.slots[Int(id)] = m
            flowSource.append(m.source)
            flowDestination.append(m.destination)
            flowCap.append(m.phase == .diskCopy ? config.vmotion.storageCopyMbps : vmotionStreamCapMbps(Int(m.source), Int(m.destination)))
        }
        bandwidth.allocate(source: flowSource, destination: flowDestination, cap: flowCap, linkMbps: linkMbps, rates: &flowRates)
        for (k, id) in ids.enumerated() {
            var m = migrations.slots[Int(id)]
            let rate = flowRates[k]
            guard m.phase != .switchover else { m.rateMbps = rate; migrations.slots[Int(id)] = m; continue }
            if rate != m.rateMbps || !simulation.isPending(m.handle) {
                m.rateMbps = rate
                simulation.cancel(m.handle)
                let seconds = rate > 0 ? m.remainingMbit / rate : 86_400 * 365
                m.handle = simulation.schedule(at: now + SimTime.seconds(seconds), priority: EventPriority.stateChange,
                                               target: target, kind: EventKind.migrationStep.rawValue, payload: Int64(id))
            }
            migrations.slots[Int(id)] = m
        }
    }

    /// A disk phase or pre-copy round finished.
    func migrationStepEnded(_ id: Int32) {
        let now = simulation.now
        var m = migrations.slots[Int(id)]
        if m.phase == .diskCopy { m.storageSentMbit += m.remainingMbit } else { m.memorySentMbit += m.remainingMbit }
        m.remainingMbit = 0
        m.lastUpdate = now
        m.handle = .invalid
        let v = Int(m.vm)
        let vmc = vms.configs[v]
        let vc = config.vmotion
        if m.phase == .diskCopy {
            m.phase = .precopy
            m.remainingMbit = vmc.memoryMB * DataUnits.mbitPerMiB
            m.roundStart = now
            migrations.slots[Int(id)] = m
            rebalanceBandwidth()
            return
        }
        // Round m.rounds ended: the next round resends what was dirtied meanwhile (≤ WWS).
        let roundSeconds = (now - m.roundStart).seconds
        m.rounds += 1
        let profile = config.workloads[Int(vms.workload[v])]
        let wwsMbit = profile.wwsFraction * vmc.memoryMB * DataUnits.mbitPerMiB
        let rawDirty = vms.dirtyRateMbps[v]
        let next = min(wwsMbit, rawDirty * m.throttle * roundSeconds)
        let b = max(m.rateMbps, 1e-9)
        let goal = vc.switchoverGoal.seconds
        if next <= b * goal || m.rounds >= vc.maxPrecopyRounds {
            m.hitRoundLimit = next > b * goal
            beginSwitchover(&m, remainderMbit: next, id: id)
            return
        }
        if vc.sdps && !converges(remainingMbit: next, dirtyMbps: rawDirty * m.throttle, bandwidthMbps: b, roundsLeft: vc.maxPrecopyRounds - m.rounds, goal: goal) {
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
        migrations.slots[Int(id)] = m
    }

    /// Whether pre-copy from `remainingMbit` reaches the switchover goal within `roundsLeft` rounds.
    private func converges(remainingMbit: Double, dirtyMbps: Double, bandwidthMbps: Double, roundsLeft: Int, goal: Double) -> Bool {
        let lambda = dirtyMbps / bandwidthMbps
        guard lambda < 1 else { return false }
        guard lambda > 0 else { return true }
        let needed = log(bandwidthMbps * goal / remainingMbit) / log(lambda)
        return needed <= Double(roundsLeft)
    }

    private func beginSwitchover(_ m: inout MigrationSlot, remainderMbit: Double, id: Int32) {
        let now = simulation.now
        let v = Int(m.vm)
        m.phase = .switchover
        m.stunStart = now
        let b = max(m.rateMbps, 1e-9)
        m.downtimeSeconds = remainderMbit / b + config.vmotion.resumeTime.seconds
        m.memorySentMbit += remainderMbit
        if m.sdpsEngaged {
            migrationStats.sdpsUnmetMHzSeconds += vms.cpuServedMHz[v] * (1 - m.throttle) * (now - sdpsSince[v]).seconds
        }
        m.handle = simulation.schedule(at: now + SimTime.seconds(m.downtimeSeconds), priority: EventPriority.stateChange,
                                       target: target, kind: EventKind.migrationSwitchover.rawValue, payload: Int64(id))
        migrations.slots[Int(id)] = m
    }

    /// The VM resumes on the destination: its memory and load move there at this instant.
    func switchoverEnded(_ id: Int32) {
        let m = migrations.slots[Int(id)]
        let v = Int(m.vm), s = Int(m.source), d = Int(m.destination)
        reserve(v, on: s, sign: -1)
        hosts.vmCount[s] -= 1
        hosts.vmCount[d] += 1
        vms.host[v] = HostIndex(d)
        if m.sharedNothing { vms.datastore[v] = m.destinationDatastore }
        finishMigration(id, outcome: .ok, detail: m.hitRoundLimit ? .roundLimit : .none)
        reallocateCPU(s, d)
    }

    /// Ends a copying migration: releases its costs, records it, restarts the queue.
    func finishMigration(_ id: Int32, outcome: MigrationOutcome, detail: MigrationDetail) {
        var m = migrations.slots[Int(id)]
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
            if outcome != .ok { reserve(v, on: d, sign: -1) }
        }
        vms.migrating[v] = false
        recordOutcome(m, outcome: outcome, detail: detail)
        migrations.remove(id)
        if wasActive {
            changeVMotionLoad(host: s, by: -1)
            changeVMotionLoad(host: d, by: -1)
            rebalanceBandwidth()
        }
        startQueuedMigrations()
        if outcome != .failed { evacuationProgress(source: s, moved: outcome == .ok) }
    }

    /// Host `h` leaves `on` (failure, power-off, maintenance): migrations into it abort and the
    /// VMs stay on their sources. With `sourceFailed`, migrations out of it fail (their VMs go
    /// down with the host; the caller handles the VMs).
    public func abortMigrations(involving h: Int, sourceFailed: Bool) {
        for id in migrations.active + migrations.queue {
            guard migrations.contains(id) else { continue }   // ended by an earlier iteration
            let m = migrations.slots[Int(id)]
            if Int(m.destination) == h {
                finishMigration(id, outcome: .aborted, detail: .destinationLeftOn)
            } else if sourceFailed && Int(m.source) == h {
                finishMigration(id, outcome: .failed, detail: .sourceFailed)
            }
        }
    }

    /// Records a finished request and updates the statistics.
    func recordOutcome(_ m: MigrationSlot, outcome: MigrationOutcome, detail: MigrationDetail) {
        let now = simulation.now
        let v = Int(m.vm)
        migrationStats.byOutcome[outcome, default: 0] += 1
        var downtimeMS = 0.0, pings = 0
        if outcome == .ok {
            downtimeMS = m.downtimeSeconds * 1_000
            pings = lostPings(vm: v, from: m.stunStart, seconds: m.downtimeSeconds)
            migrationStats.downtimesMS.append(downtimeMS)
            if let started = m.started { migrationStats.durations.add((now - started).seconds) }
            migrationStats.lostPings += pings
            migrationStats.downtimeMSSinceSample += downtimeMS
            if m.sdpsEngaged { migrationStats.sdpsEngaged += 1 }
        }
        let record = MigrationRecord(
            vm: vms.configs[v].name,
            source: m.source >= 0 ? hosts.configs[Int(m.source)].name : "",
            destination: hosts.configs[Int(m.destination)].name,
            reason: m.reason, requested: m.requested, started: m.started, finished: now,
            precopyRounds: m.rounds, memoryMB: vms.configs[v].memoryMB,
            transferredMB: m.memorySentMbit / DataUnits.mbitPerMiB, storageMB: m.storageSentMbit / DataUnits.mbitPerMiB,
            downtimeMS: downtimeMS, lostPings: pings, sdpsEngaged: m.sdpsEngaged, outcome: outcome, detail: detail)
        recorder.record(migration: record)
    }

    /// Pings sent every second at a per-VM random phase that fall inside the stun window.
    func lostPings(vm v: Int, from start: SimTime, seconds: Double) -> Int {
        let seed = StreamSeeds.derive(master: settings.seed, name: "ping/" + vms.configs[v].name)
        let phase = Double(seed >> 11) * 0x1p-53
        let a = start.seconds - phase, b = a + seconds
        return max(0, Int(b.rounded(.up)) - Int(a.rounded(.up)))
    }
}
