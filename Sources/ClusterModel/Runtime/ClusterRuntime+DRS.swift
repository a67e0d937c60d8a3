import Foundation
import SimKernel

/// The DRS pass in the runtime, docs/model.md (DRS): every pass builds a read-only
/// ``BalancingView``, fixes rule violations (priority 1), lets the cluster's ``BalancingPolicy``
/// plan (``ClassicDRS``, ``ScoreBalancer`` or a caller's), applies the moves by automation level
/// and records the pass. This file holds that shared pass, the snapshot and view builders for
/// classic DRS and DPM, and the rule fixes; score DRS's view and memo are in `ClusterRuntime+ScoreDRS.swift`.
extension ClusterRuntime {

    func scheduleDRS(at t: SimTime) {
        guard config.drs.enabled, t < settings.duration else { return }
        simulation.schedule(at: t, priority: EventPriority.policy, target: target, kind: EventKind.drsPass.rawValue)
    }

    /// Builds the snapshot DRS and DPM plan on: in-flight migrations count at their destination,
    /// entitlements from demand over the last `samples` samples (mean, or mean + 2 sd).
    func makeSnapshot(samples: Int, conservative: Bool) -> BalanceSnapshot {
        var planned = vms.host
        for ids in [migrations.active, migrations.queue] {
            for id in ids {
                let m = migrations.slots[Int(id)]
                planned[Int(m.vm)] = m.destination
            }
        }
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

    /// The vMotion rules (``VMotionCompatibility``) over what changes between passes, shared
    /// copy-on-write, for inner loops: one access to the runtime's state instead of one per check
    /// (make bench, cluster-32x1000-30d: dynamic exclusivity checks on those reads were ~20 % of the run).
    func compatibilityView() -> CompatibilityView {
        CompatibilityView(vmHost: vms.host, featureRank: vms.featureRank, datastore: vms.datastore,
                          hostState: hosts.state, rules: vmotion)
    }

    /// Per-VM demand estimates over the last `samples` samples, computed once per sample and
    /// window and shared by the DRS and DPM passes that ask for them (make bench: per-pass
    /// recomputation for every VM was 6 % of cluster-32x1000-30d). Each window keeps its buffers
    /// and refills them in place: no allocation per pass once the callers have let go of them.
    func windowEstimates(samples: Int, conservative: Bool) -> (cpuMHz: [Double], memoryMB: [Double]) {
        let key = samples * 2 + (conservative ? 1 : 0)
        let stamp = history.pushes
        let slot: Int
        if let i = estimateCache.firstIndex(where: { $0.key == key }) {
            slot = i
        } else {
            estimateCache.append((key, -1, [], []))
            slot = estimateCache.count - 1
        }
        if estimateCache[slot].stamp != stamp {
            var entry = estimateCache[slot]
            estimateCache[slot] = (key, -1, [], [])   // entry's buffers are now unique: refilled in place
            history.estimates(samples: samples, conservative: conservative, cpu: &entry.cpu, memory: &entry.memory)
            entry.stamp = stamp
            estimateCache[slot] = entry
        }
        return (estimateCache[slot].cpu, estimateCache[slot].memory)
    }

    /// One DRS pass: a caller's policy, score DRS, or classic DRS (every `drs.period`).
    func drsPass() {
        if let policy = balancingPolicy { return periodicPolicyPass(policy) { makeBalancingView() } }
        if config.balancingAlgorithm == .score { return scoreDRSPass() }
        periodicPolicyPass(ClassicDRS(config.drs)) { makeClassicView() }
    }

    /// The view of a classic pass: the snapshot over DRS's demand window (``makeSnapshot(samples:conservative:)``:
    /// in-flight moves at their destination, memory-stressed hosts at least full), classic's move
    /// cap, and ``ClassicDRSInputs``. Tables are shared with the runtime, not copied; the long-window
    /// demand is computed only if the pass asks for it. The score model's latest-CPU figures
    /// (`currentCPUMHz`) are left empty: classic does not score VMs.
    func makeClassicView() -> BalancingView {
        if scoreState.lookbackSeconds.count != vms.count { scoreState.prepare(config) }
        let window = max(1, Int((config.drs.demandWindow.seconds / settings.sampleInterval.seconds).rounded()))
        let snapshot = makeSnapshot(samples: window, conservative: false)
        var inFlightFrom = Array(repeating: 0, count: hosts.count)
        for ids in [migrations.active, migrations.queue] {
            for id in ids where migrations.slots[Int(id)].source >= 0 { inFlightFrom[Int(migrations.slots[Int(id)].source)] += 1 }
        }
        let long = max(dpmSamples(config.dpm.historyPowerOff), dpmSamples(config.drs.demandWindow))
        let inputs = ClassicDRSInputs(
            hostClass: hostClass, movesInFlightFrom: inFlightFrom, vmotionStreams: vmotionStreams,
            vmotionReservationMHz: (0..<hosts.count).map { vmotionReservationMHz($0) },
            longDemand: { [unowned self] in
                (self.windowEstimates(samples: long, conservative: false).cpuMHz, self.windowEstimates(samples: long, conservative: true).cpuMHz)
            })
        let cost = MigrationCostInputs(memoryMB: scoreState.memoryMB, dirtyRateMbps: vms.dirtyRateMbps, linkMbps: linkMbps,
                                       networkStreams: ledger.networkCost, switchoverGoalSeconds: config.vmotion.switchoverGoal.seconds,
                                       resumeSeconds: config.vmotion.resumeTime.seconds)
        return BalancingView(snapshot: snapshot, compatibility: compatibilityView(), rules: rules, migrating: vms.migrating,
                             threshold: config.drs.threshold, moveCapPerHost: drsMoveCapPerHost(),
                             hostCores: scoreState.hostCores, coreMHz: hosts.coreMHz, activeMemoryMB: vms.activeMemoryMB,
                             memoryContentionMB: vms.contentionMB, lookbackSeconds: scoreState.lookbackSeconds, migrationCost: cost,
                             currentHost: vms.host, currentCPUMHz: [], classic: inputs)
    }

    /// Priority-1 moves for rule violations: each violating VM goes to the least-loaded host that
    /// satisfies all its rules and fits; `must` rules are never broken by any move.
    func planRuleFixes(_ snap: inout BalanceSnapshot, _ plan: inout [(vm: Int, to: Int, reason: MigrationReason, priority: Int)],
                       _ rec: inout DRSPassRecord) {
        guard !rules.rules.isEmpty else { return }
        let view = compatibilityView()
        for v in 0..<vms.count where snap.plannedHost[v] >= 0 && !vms.migrating[v] && !rules.rulesOfVM[v].isEmpty {
            let s = Int(snap.plannedHost[v])
            guard rules.violated(v, on: s, hostOf: { snap.plannedHost[$0] }) else { continue }
            var best = -1, bestLoad = Double.infinity
            for d in 0..<hosts.count where d != s && snap.participates[d] {
                rec.candidatesEvaluated += 1
                guard view.compatible(v, d), snap.fits(v, on: d), rules.allows(v, on: d, hostOf: { snap.plannedHost[$0] }) else { continue }
                let l = snap.loadOf(d, cpu: snap.hostCPU[d] + snap.cpuEntitlement[v], memory: snap.hostMemory[d] + snap.memoryEntitlement[v])
                if l < bestLoad { best = d; bestLoad = l }
            }
            if best >= 0 {
                snap.move(v, to: best)
                plan.append((v, best, .drsRule, 1))
            } else if !rules.allows(v, on: s, mustOnly: true, hostOf: { snap.plannedHost[$0] }) {
                requestHost(for: v)   // a `must` rule needs a host that is in standby: DPM wakes it
            }
        }
    }

    /// ``BalanceSnapshot/vmsByHost(_:hosts:_:)`` (DPM's power-off priority groups residents with it).
    static func vmsByHost(_ plannedHost: [Int32], hosts: Int, _ include: (Int) -> Bool) -> (order: [Int32], start: [Int]) {
        BalanceSnapshot.vmsByHost(plannedHost, hosts: hosts, include)
    }

    /// Adaptive MaxMovesPerHost (vSphere 4.1+, [FD-2010-MaxMoves]): how many vMotions can finish
    /// before the next pass, min(8, ⌊period / mean vMotion time⌋ × concurrent slots), at least 1.
    func drsMoveCapPerHost() -> Int {
        if let fixed = config.drs.maxMovesPerHost { return fixed == 0 ? Int.max / 2 : fixed }
        let slots = ConcurrencyLimits.networkMax(nicGbps: hosts.configs.map(\.vmotionNICGbps).min() ?? 10)
        let meanTime = migrationStats.meanDurationSeconds ?? estimatedVMotionSeconds
        let perSlot = Int((config.drs.period.seconds / max(meanTime, 1e-3)).rounded(.down))
        return max(1, min(8, perSlot * slots))
    }

    /// One pass of `policy` on the view `makeView` builds (classic DRS, or a caller's policy:
    /// ``ClusterRuntime/init(config:settings:recorder:balancingPolicy:)``), every `drs.period`.
    func periodicPolicyPass(_ policy: any BalancingPolicy, _ makeView: () -> BalancingView) {
        let clock = ContinuousClock.now
        let now = simulation.now
        let rec = plannedPolicyPass(policy, view: makeView(), at: now)
        recorder.record(drsPass: rec)
        summary.drsPasses += 1
        summary.drsPassWallSeconds += (ContinuousClock.now - clock).secondsDouble
        scheduleDRS(at: now + config.drs.period)
    }

    /// Plans a pass with `policy` on `view` (rule fixes first, priority 1), applies the moves by
    /// automation level, and returns the pass's record.
    func plannedPolicyPass(_ policy: any BalancingPolicy, view built: BalancingView, at now: SimTime) -> DRSPassRecord {
        var rec = DRSPassRecord()
        rec.time = now
        rec.algorithm = policy.algorithm
        var view = built
        // Classic DRS records CHLSD and the pairwise gap before the pass's rule fixes, the other
        // policies after them (as they always have: the goldens pin both).
        let beforeFixes = (chlsd: view.snapshot.chlsd, gap: view.snapshot.pairwiseGap)
        var fixes: [(vm: Int, to: Int, reason: MigrationReason, priority: Int)] = []
        planRuleFixes(&view.snapshot, &fixes, &rec)
        for f in fixes { view.migrating[f.vm] = true }
        rec.hostsOn = view.snapshot.hostCount
        if policy is ClassicDRS {
            rec.chlsdBefore = beforeFixes.chlsd
            rec.pairwiseGap = beforeFixes.gap
        } else {
            rec.chlsdBefore = view.snapshot.chlsd
            rec.pairwiseGap = view.snapshot.pairwiseGap
        }
        let result = policy.plan(view)
        // CHLSD after the moves: the fixed snapshot with the plan's moves replayed (the view is
        // not used below, so the replay mutates its arrays in place).
        var after = (consume view).snapshot
        for m in result.moves { after.move(m.vm, to: m.destination) }
        rec.chlsdAfter = after.chlsd
        rec.thlsd = result.thlsd
        rec.trigger = result.trigger
        rec.candidatesEvaluated += result.candidatesEvaluated
        rec.skippedCostBenefit = result.skippedCostBenefit
        rec.skippedPriority = result.skippedPriority
        if !result.scores.isEmpty {
            var buckets = [0, 0, 0, 0, 0]
            for s in result.scores where !s.isNaN { buckets[VMScoreModel.bucket(s)] += 1 }
            rec.scoreBuckets = buckets
        }
        rec.clusterScore = result.clusterScore
        let moves = fixes.map { BalancingMove(vm: $0.vm, destination: $0.to, priority: 1) } + result.moves
        for (i, m) in moves.enumerated() {
            rec.recommended[m.priority - 1] += 1
            guard config.drs.automation == .fullyAutomated else { rec.skippedAutomation += 1; continue }
            let reason: MigrationReason = i < fixes.count ? .drsRule : .drsBalance
            if requestMigration(vm: m.vm, to: m.destination, reason: reason) == .none { rec.applied += 1 } else { rec.skippedRejected += 1 }
        }
        return rec
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var secondsDouble: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
