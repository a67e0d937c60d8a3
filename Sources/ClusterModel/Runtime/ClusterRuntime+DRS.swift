import Foundation
import SimKernel

/// Classic DRS (vSphere 4.1–6.7), DESIGN §4.5 and vmware-facts §1: a periodic pass that fixes
/// rule violations (priority 1), then balances host loads by a greedy hill-climb on a snapshot
/// with cost-benefit filtering, and submits the moves to the vMotion engine. The cost-benefit
/// formula is documented in docs/drs.md.
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
        for id in migrations.active + migrations.queue {
            let m = migrations.slots[Int(id)]
            planned[Int(m.vm)] = m.destination
        }
        var cpu = Array(repeating: 0.0, count: vms.count)
        var mem = cpu
        for v in 0..<vms.count where planned[v] >= 0 {
            let d = conservative ? history.meanPlusTwoSD(v, samples: samples) : history.mean(v, samples: samples)
            cpu[v] = min(max(d.cpuMHz, vmReservation[v]), vms.limitMHz[v])
            mem[v] = d.memoryMB
        }
        return BalanceSnapshot(
            plannedHost: planned, cpuEntitlement: cpu, memoryEntitlement: mem, footprintMB: vms.footprintMB,
            cpuCapacity: hosts.cpuCapacityMHz, memoryCapacity: hosts.memoryCapacityMB,
            participates: hosts.state.map { $0 == .on })
    }

    /// Whether VM `v` could be vMotioned to on host `d` without shared-nothing (DRS does not use
    /// shared-nothing vMotion [FD-2012-51vMotion]): the static stage-1 checks.
    func drsCompatible(_ v: Int, _ d: Int) -> Bool {
        let s = Int(vms.host[v])
        guard s >= 0, hosts.state[d] == .on, config.license.allowsVMotion else { return false }
        let src = hosts.configs[s], dst = hosts.configs[d]
        return src.hasVMotionVMkernel && dst.hasVMotionVMkernel && src.vendor == dst.vendor
            && Int(vms.featureRank[v]) <= dst.generationRank
            && dst.networks.contains(vms.configs[v].network) && dst.datastores.contains(vms.datastore[v])
    }

    /// One DRS pass.
    func drsPass() {
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
        for v in 0..<vms.count where snap.plannedHost[v] >= 0 && !vms.migrating[v] && !rules.rulesOfVM[v].isEmpty {
            let s = Int(snap.plannedHost[v])
            guard rules.violated(v, on: s, hostOf: { snap.plannedHost[$0] }) else { continue }
            var best = -1, bestLoad = Double.infinity
            for d in 0..<hosts.count where d != s && snap.participates[d] {
                rec.candidatesEvaluated += 1
                guard drsCompatible(v, d), snap.fits(v, on: d), rules.allows(v, on: d, hostOf: { snap.plannedHost[$0] }) else { continue }
                let l = snap.loadOf(d, cpu: snap.hostCPU[d] + snap.cpuEntitlement[v], memory: snap.hostMemory[d] + snap.memoryEntitlement[v])
                if l < bestLoad { best = d; bestLoad = l }
            }
            if best >= 0 {
                snap.move(v, to: best)
                plan.append((v, best, .drsRule, 1))
            }
        }
    }

    /// Greedy hill-climb (vmware-facts §1.3): repeatedly take the (VM, destination) move from an
    /// above-mean host to a below-mean host that lowers CHLSD most and passes cost-benefit,
    /// never filling a destination past 100 %, until CHLSD ≤ THLSD and the pairwise gap is
    /// within its limit, or the per-source-host move cap is reached.
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
        let cap = drsMoveCapPerHost()
        var movesFrom = Array(repeating: 0, count: hosts.count)
        var byHost = Array(repeating: [Int](), count: hosts.count)
        for v in 0..<vms.count where snap.plannedHost[v] >= 0 && !vms.migrating[v] && !rules.inAffinity[v] {
            byHost[Int(snap.plannedHost[v])].append(v)
        }
        var dests: [Int] = []
        var classStarts: [Int] = []
        while let why = triggered() {
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
            for s in 0..<hosts.count where snap.participates[s] && snap.load[s] > mean && movesFrom[s] < cap {
                for v in byHost[s] where Int(snap.plannedHost[v]) == s {
                    for c in 0..<(classStarts.count - 1) {
                        var feasible = 0
                        for i in classStarts[c]..<classStarts[c + 1] where feasible < Self.destinationsPerClass {
                            let d = dests[i]
                            rec.candidatesEvaluated += 1
                            guard snap.fits(v, on: d), drsCompatible(v, d),
                                  rules.allows(v, on: d, hostOf: { snap.plannedHost[$0] }) else { continue }
                            feasible += 1
                            let after = snap.chlsdAfterMove(v, to: d)
                            guard after < (best?.chlsd ?? current) - 1e-12 else { continue }
                            guard drsMoveWorthIt(v, from: s, to: d, snap: snap, mean: mean) else { rejectedByCost = true; continue }
                            best = (v, s, d, after)
                        }
                    }
                }
            }
            guard let move = best else {
                if rejectedByCost { rec.skippedCostBenefit += 1 }
                break
            }
            let priority = why == "pairwise" ? max(2, min(t, LoadMetrics.priority(chlsd: current, hosts: snap.hostCount)))
                                             : LoadMetrics.priority(chlsd: current, hosts: snap.hostCount)
            if priority > t { rec.skippedPriority += 1; break }
            snap.move(move.v, to: move.d)
            byHost[move.d].append(move.v)
            movesFrom[move.s] += 1
            plan.append((move.v, move.d, .drsBalance, priority))
        }
    }

    /// Adaptive MaxMovesPerHost (vSphere 4.1+, [FD-2010-MaxMoves]): how many vMotions can finish
    /// before the next pass, min(8, ⌊period / mean vMotion time⌋ × concurrent slots), at least 1.
    func drsMoveCapPerHost() -> Int {
        let slots = ConcurrencyLimits.networkMax(nicGbps: hosts.configs.map(\.vmotionNICGbps).min() ?? 10)
        let meanTime = migrationStats.meanDurationSeconds ?? estimatedVMotionSeconds
        let perSlot = Int((config.drs.period.seconds / max(meanTime, 1e-3)).rounded(.down))
        return max(1, min(8, perSlot * slots))
    }

    /// Cost-benefit (docs/drs.md): benefit = load moved off the source's excess (as MHz) × the
    /// expected stable time (3 DRS periods); cost = estimated vMotion time × (vMotion CPU
    /// reservation on both hosts + 10 % of the VM's CPU) + downtime × the VM's CPU. Moves whose
    /// benefit does not exceed their cost are dropped.
    func drsMoveWorthIt(_ v: Int, from s: Int, to d: Int, snap: BalanceSnapshot, mean: Double) -> Bool {
        let vmShare = snap.loadOf(s, cpu: snap.cpuEntitlement[v], memory: snap.memoryEntitlement[v])
        let moved = min(vmShare, snap.load[s] - mean) * hosts.cpuCapacityMHz[s]
        let benefit = moved * 3 * config.drs.period.seconds
        let streams = Double(max(ledger.networkCost[s], ledger.networkCost[d]) + 1)
        let b = min(linkMbps[s], linkMbps[d]) / streams
        let model = PrecopyModel(memoryMbit: vms.configs[v].memoryMB * DataUnits.mbitPerMiB,
                                 dirtyMbps: min(vms.dirtyRateMbps[v], 0.5 * b), bandwidthMbps: b,
                                 switchoverGoalSeconds: config.vmotion.switchoverGoal.seconds,
                                 resumeSeconds: config.vmotion.resumeTime.seconds)
        let reservation = ConcurrencyLimits.cpuReservationCores(nicGbps: hosts.configs[s].vmotionNICGbps) * hosts.coreMHz[s]
            + ConcurrencyLimits.cpuReservationCores(nicGbps: hosts.configs[d].vmotionNICGbps) * hosts.coreMHz[d]
        let cost = model.durationSeconds * (reservation + 0.1 * snap.cpuEntitlement[v]) + model.downtimeSeconds * snap.cpuEntitlement[v]
        return benefit > cost
    }
}

extension Duration {
    /// The duration in seconds as a Double.
    var secondsDouble: Double {
        let c = components
        return Double(c.seconds) + Double(c.attoseconds) * 1e-18
    }
}
