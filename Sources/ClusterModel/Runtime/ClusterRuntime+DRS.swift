import Foundation
import SimKernel

/// Classic DRS (vSphere 4.1–6.7), docs/model.md (DRS): a periodic pass that fixes
/// rule violations (priority 1), then balances host loads by a greedy hill-climb on a snapshot
/// with cost-benefit and risk filtering, and submits the moves to the vMotion engine. The
/// cost-benefit and risk rules are documented in docs/model.md (DRS).
extension ClusterRuntime {
    /// Pairwise-balancing utilization gaps by threshold 1…5 (none at 1). [FD-2019-Pairwise]
    static let pairwiseGapLimit: [Double] = [.infinity, 0.30, 0.20, 0.10, 0.05]
    /// Feasible destinations tried per host class for each VM (the least loaded ones).
    static let destinationsPerClass = 4

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

    /// A read-only copy of what the compatibility check reads, for inner loops: one access to
    /// the runtime's state instead of one per check (make bench, cluster-32x1000-30d: dynamic
    /// exclusivity checks on those reads were ~20 % of the run).
    func compatibilityView() -> CompatibilityView {
        CompatibilityView(vmHost: vms.host, featureRank: vms.featureRank, datastore: vms.datastore, network: vmNetwork,
                          hostState: hosts.state, hosts: compatibility, licenseAllowsVMotion: licenseAllowsVMotion)
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

    /// One DRS pass.
    func drsPass() {
        if let policy = balancingPolicy { return policyDRSPass(policy) }
        if config.balancingAlgorithm == .score { return scoreDRSPass() }
        let clock = ContinuousClock.now
        let now = simulation.now
        let drs = config.drs
        let window = max(1, Int((drs.demandWindow.seconds / settings.sampleInterval.seconds).rounded()))
        var snap = makeSnapshot(samples: window, conservative: false)
        var rec = DRSPassRecord()
        rec.time = now
        rec.hostsOn = snap.hostCount
        rec.chlsdBefore = snap.chlsd
        rec.thlsd = LoadMetrics.thlsd(threshold: drs.threshold, hosts: snap.hostCount)
        rec.pairwiseGap = snap.pairwiseGap
        var plan: [(vm: Int, to: Int, reason: MigrationReason, priority: Int)] = []
        planRuleFixes(&snap, &plan, &rec)
        if drs.threshold >= 2 { planBalancing(&snap, &plan, &rec) }
        rec.chlsdAfter = snap.chlsd
        for p in plan {
            rec.recommended[p.priority - 1] += 1
            guard drs.automation == .fullyAutomated else { rec.skippedAutomation += 1; continue }
            if requestMigration(vm: p.vm, to: p.to, reason: p.reason) == .none { rec.applied += 1 } else { rec.skippedRejected += 1 }
        }
        recorder.record(drsPass: rec)
        summary.drsPasses += 1
        summary.drsPassWallSeconds += (ContinuousClock.now - clock).secondsDouble
        scheduleDRS(at: now + drs.period)
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

    /// Greedy hill-climb (docs/model.md, DRS): repeatedly take the (VM, destination) move from an
    /// above-mean host to a below-mean host that lowers CHLSD most and passes cost-benefit,
    /// never filling a destination past 100 %, until CHLSD ≤ THLSD or the per-source-host move
    /// cap is reached; then pairwise balancing (6.5+) narrows a CPU or memory utilization gap
    /// that is still above its limit.
    func planBalancing(_ snap: inout BalanceSnapshot, _ plan: inout [(vm: Int, to: Int, reason: MigrationReason, priority: Int)],
                       _ rec: inout DRSPassRecord) {
        let t = config.drs.threshold
        let gapLimit = config.drs.pairwise ? Self.pairwiseGapLimit[t - 1] : .infinity
        let thlsd = rec.thlsd
        func triggered() -> String? {
            if snap.hostCount < 2 { return nil }
            if snap.chlsd > thlsd + 1e-12 { return "chlsd" }
            if snap.pairwiseGap > gapLimit { return "pairwise" }
            return nil
        }
        guard let first = triggered() else { return }
        rec.trigger = first
        defer { planPairwise(&snap, &plan, &rec, gapLimit: gapLimit) }
        guard first == "chlsd" else { return }
        let cap = drsMoveCapPerHost()
        // Moves still running from the previous passes count against the cap: a host whose
        // evacuations have not finished gets no new ones piled on (docs/model.md, DRS: MaxMovesPerHost).
        var movesFrom = Array(repeating: 0, count: hosts.count)
        for m in migrationsInFlight where m.source >= 0 { movesFrom[m.source] += 1 }
        var risk = drsRisk(snap)
        var planned = Array(repeating: false, count: vms.count)   // a VM moves at most once per pass
        for p in plan { planned[p.vm] = true }
        // Movable VMs grouped by planned host, ascending within a host (a counting sort into one
        // flat array: no array per host per pass).
        let (byHost, hostStart) = Self.movableByHost(snap.plannedHost, planned: planned, migrating: vms.migrating,
                                                     inAffinity: rules.inAffinity, hosts: hosts.count)
        let anyRules = !rules.rules.isEmpty
        var dests: [Int] = []
        var classStarts: [Int] = []
        var sources: [Int] = []
        let view = compatibilityView()
        while snap.hostCount >= 2 && snap.chlsd > thlsd + 1e-12 {
            let mean = snap.meanLoad
            let current = snap.chlsd
            var best: (v: Int, s: Int, d: Int, chlsd: Double)?
            var rejectedByCost = false
            // Destinations below the mean, grouped by host class and sorted by load. Within a class
            // a move's CHLSD gain falls as the destination's load rises, so only the first few
            // feasible destinations of each class can hold the best move: the pass evaluates
            // O(VMs × classes) candidates instead of O(VMs × hosts). (make bench, planetlab-20110303:
            // 3.7 s → see docs/performance.md.)
            dests.removeAll(keepingCapacity: true)
            for d in 0..<hosts.count where snap.participates[d] && snap.load[d] < mean { dests.append(d) }
            dests.sort { (hostClass[$0], snap.load[$0], $0) < (hostClass[$1], snap.load[$1], $1) }
            classStarts.removeAll(keepingCapacity: true)
            for (i, d) in dests.enumerated() where i == 0 || hostClass[d] != hostClass[dests[i - 1]] { classStarts.append(i) }
            classStarts.append(dests.count)
            // Sources from the most loaded down. Moving load δ from s to d lowers the variance by
            // at most (L_s − L_d)² / 2N (at δ = (L_s − L_d)/2), so once that bound (with 50 % slack
            // for unequal host sizes) falls below the best gain found, no later source can win.
            // (make bench, cluster-32x1000-30d-t5: 2.5× fewer candidates.)
            sources.removeAll(keepingCapacity: true)
            for s in 0..<hosts.count where snap.participates[s] && snap.load[s] > mean && movesFrom[s] < cap { sources.append(s) }
            sources.sort { (snap.load[$0], -$0) > (snap.load[$1], -$1) }
            let coolest = dests.map { snap.load[$0] }.min() ?? mean
            let reciprocals = snap.reciprocals()
            let n = Double(max(1, snap.hostCount))
            for s in sources {
                if let b = best {
                    let gain = current * current - b.chlsd * b.chlsd
                    let bound = 1.5 * (snap.load[s] - coolest) * (snap.load[s] - coolest) / (2 * n)
                    if bound < gain { break }
                }
                for i in hostStart[s]..<hostStart[s + 1] where !planned[Int(byHost[i])] {
                    let v = Int(byHost[i])
                    let sourceLoad = snap.sourceLoadAfterRemoving(v)
                    for c in 0..<(classStarts.count - 1) {
                        var feasible = 0
                        for i in classStarts[c]..<classStarts[c + 1] {
                            // A `break`, not a `where` clause: the loop must stop, not skip the
                            // rest of the class (make bench, planetlab-20110303: scanning every
                            // destination after the fourth feasible one was 40 % of the run).
                            if feasible == Self.destinationsPerClass { break }
                            let d = dests[i]
                            rec.candidatesEvaluated += 1
                            guard snap.fits(v, on: d), view.compatible(v, d),
                                  !anyRules || rules.allows(v, on: d, hostOf: { snap.plannedHost[$0] }) else { continue }
                            feasible += 1
                            let bar = (best?.chlsd ?? current) - 1e-12
                            // A variance this far above bar² cannot give a CHLSD below bar (the
                            // approximation errs by ~1e-14 at most); the exact test decides the rest.
                            let rough = snap.approximateVarianceAfterMove(v, to: d, sourceLoadAfter: sourceLoad, reciprocals)
                            guard rough <= bar * bar * (1 + 1e-6) + 1e-12 else { continue }
                            let after = snap.chlsdAfterMove(v, to: d, sourceLoadAfter: sourceLoad)
                            guard after < bar else { continue }
                            // MinGoodness: the gain must exceed what the two hosts' demand noise
                            // alone moves the variance by.
                            guard current * current - after * after >= risk.minGoodness(s, d, n: n),
                                  !risk.worsensLongRun(v, from: s, to: d, snap: snap) else { continue }
                            let moved = min(snap.loadOf(s, cpu: snap.cpuEntitlement[v], memory: snap.memoryEntitlement[v]),
                                            snap.load[s] - mean)
                            guard drsMoveWorthIt(v, from: s, to: d, movedFraction: moved, snap: snap, risk: risk) else { rejectedByCost = true; continue }
                            best = (v, s, d, after)
                        }
                    }
                }
            }
            guard let move = best else {
                if rejectedByCost { rec.skippedCostBenefit += 1 }
                break
            }
            let priority = LoadMetrics.priority(chlsd: current, hosts: snap.hostCount)
            if priority > t { rec.skippedPriority += 1; break }
            snap.move(move.v, to: move.d)
            risk.move(move.v, from: move.s, to: move.d, snap: snap)
            movesFrom[move.s] += 1
            planned[move.v] = true
            plan.append((move.v, move.d, .drsBalance, priority))
        }
    }

    /// VMs DRS may move (planned on a host, not yet moved this pass, not migrating, not bound by
    /// affinity) grouped by planned host: host `h`'s are `order[start[h]..<start[h + 1]]`, ascending.
    static func movableByHost(_ plannedHost: [Int32], planned: [Bool], migrating: [Bool], inAffinity: [Bool],
                              hosts: Int) -> (order: [Int32], start: [Int]) {
        vmsByHost(plannedHost, hosts: hosts) { !planned[$0] && !migrating[$0] && !inAffinity[$0] }
    }

    /// The VMs planned on a host that pass `include`, grouped by host: host `h`'s are
    /// `order[start[h]..<start[h + 1]]`, ascending (a counting sort into one flat array).
    static func vmsByHost(_ plannedHost: [Int32], hosts: Int, _ include: (Int) -> Bool) -> (order: [Int32], start: [Int]) {
        var start = Array(repeating: 0, count: hosts + 1)
        func movable(_ v: Int) -> Bool { plannedHost[v] >= 0 && include(v) }
        for v in 0..<plannedHost.count where movable(v) { start[Int(plannedHost[v]) + 1] += 1 }
        for h in 0..<hosts { start[h + 1] += start[h] }
        var fill = start
        var order = Array(repeating: Int32(0), count: start[hosts])
        for v in 0..<plannedHost.count where movable(v) {
            let h = Int(plannedHost[v])
            order[fill[h]] = Int32(v)
            fill[h] += 1
        }
        return (order, start)
    }

    /// Pairwise balancing (vSphere 6.5+, [FD-2019-Pairwise]): while the CPU or memory utilization
    /// gap between the most and least utilized hosts exceeds the threshold's limit, move the VM
    /// from the most to the least utilized host (in that resource) that narrows their gap most
    /// and passes the checks and cost-benefit. Priority: the CHLSD formula's, at least 2.
    func planPairwise(_ snap: inout BalanceSnapshot, _ plan: inout [(vm: Int, to: Int, reason: MigrationReason, priority: Int)],
                      _ rec: inout DRSPassRecord, gapLimit: Double) {
        // Most passes end here: the per-VM risk figures below cost a pass over every VM (perf,
        // fleet 1 day: `drsRisk` 3 % of the run, half of it for passes with no pairwise gap).
        guard snap.hostCount >= 2 && snap.pairwiseGap > gapLimit else { return }
        let view = compatibilityView()
        var risk = drsRisk(snap)
        var moves = 0
        var planned = Array(repeating: false, count: vms.count)   // a VM moves at most once per pass
        for p in plan { planned[p.vm] = true }
        while snap.hostCount >= 2 && snap.pairwiseGap > gapLimit && moves < hosts.count {
            // The resource with the widest gap, and its most and least utilized hosts.
            var best: (gap: Double, memory: Bool, s: Int, d: Int) = (0, false, -1, -1)
            for memory in [false, true] {
                var hi = -1, lo = -1
                for h in 0..<hosts.count where snap.participates[h] {
                    let u = memory ? snap.hostMemory[h] / snap.memoryCapacity[h] : snap.hostCPU[h] / snap.cpuCapacity[h]
                    if hi < 0 || u > (memory ? snap.hostMemory[hi] / snap.memoryCapacity[hi] : snap.hostCPU[hi] / snap.cpuCapacity[hi]) { hi = h }
                    if lo < 0 || u < (memory ? snap.hostMemory[lo] / snap.memoryCapacity[lo] : snap.hostCPU[lo] / snap.cpuCapacity[lo]) { lo = h }
                }
                let gap = memory ? snap.hostMemory[hi] / snap.memoryCapacity[hi] - snap.hostMemory[lo] / snap.memoryCapacity[lo]
                                 : snap.hostCPU[hi] / snap.cpuCapacity[hi] - snap.hostCPU[lo] / snap.cpuCapacity[lo]
                if gap > best.gap { best = (gap, memory, hi, lo) }
            }
            let (gap, memory, s, d) = best
            guard s >= 0, s != d else { break }
            func util(_ h: Int, _ cpu: Double, _ mem: Double) -> Double { memory ? mem / snap.memoryCapacity[h] : cpu / snap.cpuCapacity[h] }
            func other(_ h: Int, _ cpu: Double, _ mem: Double) -> Double { memory ? cpu / snap.cpuCapacity[h] : mem / snap.memoryCapacity[h] }
            // The other resource's mean utilization: a move that narrows this gap must not spread
            // the other resource's utilizations further around it [I].
            var otherMean = 0.0
            for h in 0..<hosts.count where snap.participates[h] { otherMean += other(h, snap.hostCPU[h], snap.hostMemory[h]) }
            otherMean /= Double(max(1, snap.hostCount))
            var choice: (v: Int, gap: Double)?
            for v in 0..<vms.count where Int(snap.plannedHost[v]) == s && !planned[v] && !vms.migrating[v] && !rules.inAffinity[v] {
                rec.candidatesEvaluated += 1
                let c = snap.cpuEntitlement[v], m = snap.memoryEntitlement[v]
                let after = abs(util(s, snap.hostCPU[s] - c, snap.hostMemory[s] - m) - util(d, snap.hostCPU[d] + c, snap.hostMemory[d] + m))
                guard after < (choice?.gap ?? gap) - 1e-9, snap.fits(v, on: d), view.compatible(v, d),
                      rules.allows(v, on: d, hostOf: { snap.plannedHost[$0] }),
                      snap.chlsdAfterMove(v, to: d) <= snap.chlsd + 1e-12,   // never at the cost of the balance DRS targets
                      { () -> Bool in
                          let os = other(s, snap.hostCPU[s], snap.hostMemory[s]) - otherMean
                          let od = other(d, snap.hostCPU[d], snap.hostMemory[d]) - otherMean
                          let os2 = other(s, snap.hostCPU[s] - c, snap.hostMemory[s] - m) - otherMean
                          let od2 = other(d, snap.hostCPU[d] + c, snap.hostMemory[d] + m) - otherMean
                          return os2 * os2 + od2 * od2 <= os * os + od * od + 1e-12
                      }(),
                      !risk.worsensLongRun(v, from: s, to: d, snap: snap),
                      drsMoveWorthIt(v, from: s, to: d, movedFraction: min(util(s, c, m), gap / 2), snap: snap, risk: risk) else { continue }
                choice = (v, after)
            }
            guard let move = choice else { break }
            planned[move.v] = true
            let priority = max(2, min(config.drs.threshold, LoadMetrics.priority(chlsd: snap.chlsd, hosts: snap.hostCount)))
            snap.move(move.v, to: d)
            risk.move(move.v, from: s, to: d, snap: snap)
            plan.append((move.v, d, .drsBalance, priority))
            moves += 1
        }
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

    /// Per-VM demand variability and per-host load noise for one DRS pass (docs/model.md, DRS
    /// cost-benefit and risk): each VM's CPU demand mean and sd over the longer history window
    /// (DPM's power-off window, 40 min by default, at least DRS's own; a 4 h window was tried and
    /// left threshold 5 barely better balanced than 1 on drs-thresholds.yaml), and each host's
    /// load variance from its VMs' (independent) sds.
    func drsRisk(_ snap: BalanceSnapshot) -> DRSRisk {
        let long = max(dpmSamples(config.dpm.historyPowerOff), dpmSamples(config.drs.demandWindow))
        let mean = windowEstimates(samples: long, conservative: false).cpuMHz
        let upper = windowEstimates(samples: long, conservative: true).cpuMHz
        var sd = Array(repeating: 0.0, count: vms.count)
        var hostVariance = Array(repeating: 0.0, count: hosts.count)
        var hostLongCPU = hostVariance
        for v in 0..<vms.count {
            sd[v] = max(0, upper[v] - mean[v]) / 2
            let h = Int(snap.plannedHost[v])
            if h >= 0 {
                hostVariance[h] += sd[v] * sd[v] / (snap.cpuCapacity[h] * snap.cpuCapacity[h])
                hostLongCPU[h] += mean[v]
            }
        }
        var risk = DRSRisk(meanMHz: mean, sdMHz: sd, hostVariance: hostVariance, hostLongCPU: hostLongCPU,
                           fixedMinGoodness: config.drs.minGoodness)
        risk.recomputeLongSums(snap)
        return risk
    }

    /// Cost-benefit (docs/model.md, [I]): benefit = load moved off the
    /// source's excess (MHz) × the expected stable period; cost = estimated vMotion time ×
    /// (vMotion CPU reservation on both hosts + 10 % of the VM's CPU) + with `UseDownTime` the
    /// switchover stall × the VM's CPU, unless the stall is below `IgnoreDownTimeLessThan`.
    /// Stable period = DRS period × clamp((0.5 / cv)², 1, 12), cv = the VM's demand sd / mean over
    /// the history window: the number of periods a random walk of that step takes to drift by half
    /// the VM's demand. Moves whose benefit does not exceed their cost are dropped.
    func drsMoveWorthIt(_ v: Int, from s: Int, to d: Int, movedFraction: Double, snap: BalanceSnapshot, risk: DRSRisk) -> Bool {
        let moved = movedFraction * hosts.cpuCapacityMHz[s]
        let benefit = moved * risk.stablePeriods(v) * config.drs.period.seconds
        let streams = Double(max(ledger.networkCost[s], ledger.networkCost[d]) + 1)
        let b = min(min(linkMbps[s], linkMbps[d]) / streams, vmotionStreamCapMbps(s, d))
        let model = PrecopyModel(memoryMbit: vms.configs[v].memoryMB * DataUnits.mbitPerMiB,
                                 dirtyMbps: min(vms.dirtyRateMbps[v], 0.5 * b), bandwidthMbps: b,
                                 switchoverGoalSeconds: config.vmotion.switchoverGoal.seconds,
                                 resumeSeconds: config.vmotion.resumeTime.seconds)
        let reservation = vmotionReservationMHz(s) + vmotionReservationMHz(d)
        let stall = model.downtimeSeconds
        let stallCost = config.drs.useDownTime && stall >= config.drs.ignoreDownTimeLessThan.seconds ? stall * snap.cpuEntitlement[v] : 0
        let cost = model.durationSeconds * (reservation + 0.1 * snap.cpuEntitlement[v]) + stallCost
        return benefit > cost
    }
}

/// Demand variability for one DRS pass: per-VM CPU sd and mean (MHz) over the history window,
/// and per-host load variance (Σ of its VMs' (sd / capacity)²), kept up to date as the pass moves
/// VMs in its snapshot.
struct DRSRisk {
    let meanMHz: [Double]
    let sdMHz: [Double]
    var hostVariance: [Double]
    /// Per-host CPU demand from the VMs' history-window means (the load a move leaves for the long run).
    var hostLongCPU: [Double]
    let fixedMinGoodness: Double?
    var longSum = 0.0, longSquares = 0.0, longCount = 0.0

    /// Long-run load of host `h`: the larger of its history-mean CPU and its memory entitlement.
    func longLoad(_ h: Int, cpu: Double, memory: Double, snap: BalanceSnapshot) -> Double {
        max(cpu / snap.cpuCapacity[h], memory / snap.memoryCapacity[h])
    }

    mutating func recomputeLongSums(_ snap: BalanceSnapshot) {
        longSum = 0; longSquares = 0; longCount = 0
        for h in 0..<hostLongCPU.count where snap.participates[h] {
            let l = longLoad(h, cpu: hostLongCPU[h], memory: snap.hostMemory[h], snap: snap)
            longSum += l; longSquares += l * l; longCount += 1
        }
    }

    /// Risk [I]: whether moving `v` from `s` to `d` raises the variance of the hosts' long-run
    /// loads (history-window mean demand). A move that fixes a transient gap by moving a VM's
    /// lasting demand onto the wrong host is rejected: its gain would not outlive the burst.
    func worsensLongRun(_ v: Int, from s: Int, to d: Int, snap: BalanceSnapshot) -> Bool {
        guard longCount >= 2 else { return false }
        let ls = longLoad(s, cpu: hostLongCPU[s], memory: snap.hostMemory[s], snap: snap)
        let ld = longLoad(d, cpu: hostLongCPU[d], memory: snap.hostMemory[d], snap: snap)
        let ls2 = longLoad(s, cpu: hostLongCPU[s] - meanMHz[v], memory: snap.hostMemory[s] - snap.memoryEntitlement[v], snap: snap)
        let ld2 = longLoad(d, cpu: hostLongCPU[d] + meanMHz[v], memory: snap.hostMemory[d] + snap.memoryEntitlement[v], snap: snap)
        let mu = longSum / longCount
        let mu2 = (longSum - ls - ld + ls2 + ld2) / longCount
        let before = longSquares / longCount - mu * mu
        let after = (longSquares - ls * ls - ld * ld + ls2 * ls2 + ld2 * ld2) / longCount - mu2 * mu2
        return after > before + 1e-12
    }

    /// Expected stable period of a move of VM `v`, in DRS periods [I]: (0.5 / cv)² clamped to 1…12.
    func stablePeriods(_ v: Int) -> Double {
        let cv = sdMHz[v] / max(meanMHz[v], 1)
        return min(12, max(1, 0.25 / max(cv * cv, 1e-12)))
    }

    /// MinGoodness of a move from `s` to `d` in variance units: the configured value, or
    /// (adaptive [I]) the variance the two hosts' demand noise alone adds, (σ_s² + σ_d²) / N.
    func minGoodness(_ s: Int, _ d: Int, n: Double) -> Double {
        fixedMinGoodness ?? (hostVariance[s] + hostVariance[d]) / max(n, 1)
    }

    /// Updates the pass's risk figures after `v` moved from `s` to `d` in `snap` (already moved).
    mutating func move(_ v: Int, from s: Int, to d: Int, snap: BalanceSnapshot) {
        let q = sdMHz[v] * sdMHz[v]
        hostVariance[s] -= q / (snap.cpuCapacity[s] * snap.cpuCapacity[s])
        hostVariance[d] += q / (snap.cpuCapacity[d] * snap.cpuCapacity[d])
        hostLongCPU[s] -= meanMHz[v]
        hostLongCPU[d] += meanMHz[v]
        recomputeLongSums(snap)
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var secondsDouble: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
