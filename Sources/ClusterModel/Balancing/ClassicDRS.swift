import SimKernel

/// Classic DRS (vSphere 4.1–6.7), docs/model.md (DRS): when the cluster's host load standard
/// deviation (CHLSD) is above the threshold's target (THLSD), a greedy hill-climb on the pass's
/// snapshot with cost-benefit and risk filtering; then pairwise balancing (6.5+). Rule fixes
/// (priority 1) run before it in the shared pass (``BalancingPass``), as for every
/// ``BalancingPolicy``.
///
/// Stateless between passes: every figure it plans on is in the ``BalancingView`` the runtime
/// builds for the pass (the snapshot over DRS's demand window, the vMotion checks and rules, and
/// ``ClassicDRSInputs``); the configuration is copied in at construction. Adaptive MinGoodness,
/// stable periods and long-run loads are recomputed per pass from the view (``DRSRisk``).
struct ClassicDRS: BalancingPolicy {
    var algorithm: BalancingAlgorithm { .classic }
    /// Pairwise-balancing utilization gaps by threshold 1…5 (none at 1). [FD-2019-Pairwise]
    static let pairwiseGapLimit: [Double] = [.infinity, 0.30, 0.20, 0.10, 0.05]
    /// Feasible destinations tried per host class for each VM (the least loaded ones).
    static let destinationsPerClass = 4

    /// Pairwise balancing on (vSphere 6.5+).
    let pairwise: Bool
    /// Configured MinGoodness in variance units (nil: adaptive).
    let minGoodness: Double?
    /// The pass period, seconds (the unit of a move's stable period).
    let periodSeconds: Double
    /// Whether the switchover stall counts in a move's cost, and below which stall it does not.
    let useDownTime: Bool
    let ignoreDownTimeLessThanSeconds: Double

    init(_ drs: DRSConfig) {
        pairwise = drs.pairwise
        minGoodness = drs.minGoodness
        periodSeconds = drs.period.seconds
        useDownTime = drs.useDownTime
        ignoreDownTimeLessThanSeconds = drs.ignoreDownTimeLessThan.seconds
    }

    /// Plans one pass on `view` (built by ``PolicyInputs/classicView(_:)``; a view without
    /// ``BalancingView/classic`` inputs gets no balancing moves). `view.migrating` already holds
    /// the pass's rule fixes, so no VM moves twice in a pass.
    func plan(_ view: BalancingView) -> BalancingPlan {
        var result = BalancingPlan()
        result.thlsd = LoadMetrics.thlsd(threshold: view.threshold, hosts: view.snapshot.hostCount)
        guard view.threshold >= 2, let inputs = view.classic else { return result }
        var snap = view.snapshot
        var moved = view.migrating   // a VM moves at most once per pass
        planBalancing(&snap, view, inputs, &moved, &result)
        return result
    }

    /// Greedy hill-climb (docs/model.md, DRS): repeatedly take the (VM, destination) move from an
    /// above-mean host to a below-mean host that lowers CHLSD most and passes cost-benefit,
    /// never filling a destination past 100 %, until CHLSD ≤ THLSD or the per-source-host move
    /// cap is reached; then pairwise balancing (6.5+) narrows a CPU or memory utilization gap
    /// that is still above its limit.
    func planBalancing(_ snap: inout BalanceSnapshot, _ view: BalancingView, _ inputs: ClassicDRSInputs,
                       _ moved: inout [Bool], _ rec: inout BalancingPlan) {
        let t = view.threshold
        let gapLimit = pairwise ? Self.pairwiseGapLimit[t - 1] : .infinity
        let thlsd = rec.thlsd
        let hostCount = snap.cpuCapacity.count
        func triggered() -> String? {
            if snap.hostCount < 2 { return nil }
            if snap.chlsd > thlsd + 1e-12 { return "chlsd" }
            if snap.pairwiseGap > gapLimit { return "pairwise" }
            return nil
        }
        guard let first = triggered() else { return }
        rec.trigger = first
        defer { planPairwise(&snap, view, inputs, &moved, &rec, gapLimit: gapLimit) }
        guard first == "chlsd" else { return }
        let cap = view.moveCapPerHost
        // Moves still running from the previous passes count against the cap: a host whose
        // evacuations have not finished gets no new ones piled on (docs/model.md, DRS: MaxMovesPerHost).
        var movesFrom = inputs.movesInFlightFrom
        var risk = drsRisk(snap, inputs)
        // Movable VMs (not migrating, no rule fix this pass, not bound by affinity) grouped by
        // planned host, ascending within a host (a counting sort into one flat array: no array
        // per host per pass).
        let rules = view.rules
        let (byHost, hostStart) = BalanceSnapshot.vmsByHost(snap.plannedHost, hosts: hostCount) { !moved[$0] && !rules.inAffinity[$0] }
        let anyRules = !rules.rules.isEmpty
        var dests: [Int] = []
        var classStarts: [Int] = []
        var sources: [Int] = []
        let compatibility = view.compatibility
        let hostClass = inputs.hostClass
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
            for d in 0..<hostCount where snap.participates[d] && snap.load[d] < mean { dests.append(d) }
            dests.sort { (hostClass[$0], snap.load[$0], $0) < (hostClass[$1], snap.load[$1], $1) }
            classStarts.removeAll(keepingCapacity: true)
            for (i, d) in dests.enumerated() where i == 0 || hostClass[d] != hostClass[dests[i - 1]] { classStarts.append(i) }
            classStarts.append(dests.count)
            // Sources from the most loaded down. Moving load δ from s to d lowers the variance by
            // at most (L_s − L_d)² / 2N (at δ = (L_s − L_d)/2), so once that bound (with 50 % slack
            // for unequal host sizes) falls below the best gain found, no later source can win.
            // (make bench, cluster-32x1000-30d-t5: 2.5× fewer candidates.)
            sources.removeAll(keepingCapacity: true)
            for s in 0..<hostCount where snap.participates[s] && snap.load[s] > mean && movesFrom[s] < cap { sources.append(s) }
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
                for i in hostStart[s]..<hostStart[s + 1] where !moved[Int(byHost[i])] {
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
                            guard snap.fits(v, on: d), compatibility.compatible(v, d),
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
                            let movedLoad = min(snap.loadOf(s, cpu: snap.cpuEntitlement[v], memory: snap.memoryEntitlement[v]),
                                            snap.load[s] - mean)
                            guard drsMoveWorthIt(v, from: s, to: d, movedFraction: movedLoad, snap: snap, view: view, inputs: inputs, risk: risk) else {
                                rejectedByCost = true
                                continue
                            }
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
            moved[move.v] = true
            rec.moves.append(BalancingMove(vm: move.v, destination: move.d, priority: priority))
        }
    }

    /// Pairwise balancing (vSphere 6.5+, [FD-2019-Pairwise]): while the CPU or memory utilization
    /// gap between the most and least utilized hosts exceeds the threshold's limit, move the VM
    /// from the most to the least utilized host (in that resource) that narrows their gap most
    /// and passes the checks and cost-benefit. Priority: the CHLSD formula's, at least 2.
    func planPairwise(_ snap: inout BalanceSnapshot, _ view: BalancingView, _ inputs: ClassicDRSInputs,
                      _ moved: inout [Bool], _ rec: inout BalancingPlan, gapLimit: Double) {
        // Most passes end here: the per-VM risk figures below cost a pass over every VM (perf,
        // fleet 1 day: `drsRisk` 3 % of the run, half of it for passes with no pairwise gap).
        guard snap.hostCount >= 2 && snap.pairwiseGap > gapLimit else { return }
        let compatibility = view.compatibility, rules = view.rules
        let hostCount = snap.cpuCapacity.count, vmCount = snap.plannedHost.count
        var risk = drsRisk(snap, inputs)
        var moves = 0
        while snap.hostCount >= 2 && snap.pairwiseGap > gapLimit && moves < hostCount {
            // The resource with the widest gap, and its most and least utilized hosts.
            var best: (gap: Double, memory: Bool, s: Int, d: Int) = (0, false, -1, -1)
            for memory in [false, true] {
                var hi = -1, lo = -1
                for h in 0..<hostCount where snap.participates[h] {
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
            for h in 0..<hostCount where snap.participates[h] { otherMean += other(h, snap.hostCPU[h], snap.hostMemory[h]) }
            otherMean /= Double(max(1, snap.hostCount))
            var choice: (v: Int, gap: Double)?
            for v in 0..<vmCount where Int(snap.plannedHost[v]) == s && !moved[v] && !rules.inAffinity[v] {
                rec.candidatesEvaluated += 1
                let c = snap.cpuEntitlement[v], m = snap.memoryEntitlement[v]
                let after = abs(util(s, snap.hostCPU[s] - c, snap.hostMemory[s] - m) - util(d, snap.hostCPU[d] + c, snap.hostMemory[d] + m))
                guard after < (choice?.gap ?? gap) - 1e-9, snap.fits(v, on: d), compatibility.compatible(v, d),
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
                      drsMoveWorthIt(v, from: s, to: d, movedFraction: min(util(s, c, m), gap / 2), snap: snap, view: view, inputs: inputs,
                                     risk: risk) else { continue }
                choice = (v, after)
            }
            guard let move = choice else { break }
            moved[move.v] = true
            let priority = max(2, min(view.threshold, LoadMetrics.priority(chlsd: snap.chlsd, hosts: snap.hostCount)))
            snap.move(move.v, to: d)
            risk.move(move.v, from: s, to: d, snap: snap)
            rec.moves.append(BalancingMove(vm: move.v, destination: d, priority: priority))
            moves += 1
        }
    }

    /// Per-VM demand variability and per-host load noise for one DRS pass (docs/model.md, DRS
    /// cost-benefit and risk): each VM's CPU demand mean and sd over the longer history window
    /// (DPM's power-off window, 40 min by default, at least DRS's own; a 4 h window was tried and
    /// left threshold 5 barely better balanced than 1 on drs-thresholds.yaml), and each host's
    /// load variance from its VMs' (independent) sds.
    func drsRisk(_ snap: BalanceSnapshot, _ inputs: ClassicDRSInputs) -> DRSRisk {
        let (mean, upper) = inputs.longDemand()
        var sd = Array(repeating: 0.0, count: snap.plannedHost.count)
        var hostVariance = Array(repeating: 0.0, count: snap.cpuCapacity.count)
        var hostLongCPU = hostVariance
        for v in 0..<snap.plannedHost.count {
            sd[v] = max(0, upper[v] - mean[v]) / 2
            let h = Int(snap.plannedHost[v])
            if h >= 0 {
                hostVariance[h] += sd[v] * sd[v] / (snap.cpuCapacity[h] * snap.cpuCapacity[h])
                hostLongCPU[h] += mean[v]
            }
        }
        var risk = DRSRisk(meanMHz: mean, sdMHz: sd, hostVariance: hostVariance, hostLongCPU: hostLongCPU,
                           fixedMinGoodness: minGoodness)
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
    func drsMoveWorthIt(_ v: Int, from s: Int, to d: Int, movedFraction: Double, snap: BalanceSnapshot, view: BalancingView,
                        inputs: ClassicDRSInputs, risk: DRSRisk) -> Bool {
        let moved = movedFraction * snap.cpuCapacity[s]
        let benefit = moved * risk.stablePeriods(v) * periodSeconds
        let cost = view.migrationCost
        let streams = Double(max(cost.networkStreams[s], cost.networkStreams[d]) + 1)
        let streamCap = Double(min(inputs.vmotionStreams[s], inputs.vmotionStreams[d])) * ConcurrencyLimits.streamMbps
        let b = min(min(cost.linkMbps[s], cost.linkMbps[d]) / streams, streamCap)
        let model = PrecopyModel(memoryMbit: cost.memoryMB[v] * DataUnits.mbitPerMiB,
                                 dirtyMbps: min(cost.dirtyRateMbps[v], 0.5 * b), bandwidthMbps: b,
                                 switchoverGoalSeconds: cost.switchoverGoalSeconds, resumeSeconds: cost.resumeSeconds)
        let reservation = inputs.vmotionReservationMHz[s] + inputs.vmotionReservationMHz[d]
        let stall = model.downtimeSeconds
        let stallCost = useDownTime && stall >= ignoreDownTimeLessThanSeconds ? stall * snap.cpuEntitlement[v] : 0
        return benefit > model.durationSeconds * (reservation + 0.1 * snap.cpuEntitlement[v]) + stallCost
    }
}

/// What classic DRS reads beyond the common view, filled by the runtime once per pass
/// (``PolicyInputs/classicView(_:)``, Balancing/PolicyViews.swift): host classes, the vMotions in flight per source
/// host, the vMotion engine's per-host stream counts and CPU reservations (cost-benefit), and the
/// demand over the long history window (risk) on demand: most passes never need it.
struct ClassicDRSInputs {
    /// Hosts with identical capacity and compatibility share a class (``HostClasses``).
    let hostClass: [Int32]
    /// vMotions in flight (active or queued) by source host: they count against MaxMovesPerHost.
    let movesInFlightFrom: [Int]
    /// vMotion streams per host and vMotion's CPU reservation per host while it migrates, MHz.
    let vmotionStreams: [Int]
    let vmotionReservationMHz: [Double]
    /// Per-VM CPU demand mean and mean + 2 sd over the long history window, MHz (computed on first
    /// use from the runtime's demand history; shared with DPM's, not copied).
    let longDemand: () -> (meanMHz: [Double], upperMHz: [Double])
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
