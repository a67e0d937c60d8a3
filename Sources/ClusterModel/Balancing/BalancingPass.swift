/// One DRS pass planned, before anything is applied: rule fixes (priority 1) on the view's
/// snapshot, then the policy's moves, and the pass's record (docs/model.md, DRS). The runtime
/// wakes hosts for `needHost`, applies `moves` by automation level and completes the record
/// (`ClusterRuntime+Policies.swift`).
struct BalancingPass {
    /// The pass's record without the applied and skipped counts.
    var record = DRSPassRecord()
    /// Rule fixes first (the first `fixes` moves), then the policy's moves.
    var moves: [BalancingMove] = []
    var fixes = 0
    /// VMs a `must` rule needs on a host no `on` host can be: DPM is asked to wake one for each.
    var needHost: [Int] = []

    /// Plans a pass with `policy` on `view`, built from `cluster`.
    static func plan(_ policy: any BalancingPolicy, view built: BalancingView, cluster: ClusterView) -> BalancingPass {
        var pass = BalancingPass()
        pass.record.algorithm = policy.algorithm
        var view = built
        // Classic DRS records CHLSD and the pairwise gap before the pass's rule fixes, the other
        // policies after them (as they always have: the goldens pin both).
        let beforeFixes = (chlsd: view.snapshot.chlsd, gap: view.snapshot.pairwiseGap)
        var fixes: [BalancingMove] = []
        pass.needHost = planRuleFixes(cluster, &view.snapshot, &fixes, &pass.record)
        for f in fixes { view.migrating[f.vm] = true }
        var rec = pass.record
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
        pass.record = rec
        pass.fixes = fixes.count
        pass.moves = fixes + result.moves
        return pass
    }

    /// Priority-1 moves for rule violations: each violating VM goes to the least-loaded host that
    /// satisfies all its rules and fits; `must` rules are never broken by any move. Returns the
    /// VMs whose `must` rule needs a host that is in standby (DPM wakes one).
    static func planRuleFixes(_ cluster: ClusterView, _ snap: inout BalanceSnapshot, _ plan: inout [BalancingMove],
                              _ rec: inout DRSPassRecord) -> [Int] {
        let rules = cluster.rules, vms = cluster.vms
        guard !rules.rules.isEmpty else { return [] }
        var needHost: [Int] = []
        let view = cluster.compatibility()
        for v in 0..<vms.count where snap.plannedHost[v] >= 0 && !vms.migrating[v] && !rules.rulesOfVM[v].isEmpty {
            let s = Int(snap.plannedHost[v])
            guard rules.violated(v, on: s, hostOf: { snap.plannedHost[$0] }) else { continue }
            var best = -1, bestLoad = Double.infinity
            for d in 0..<cluster.hosts.count where d != s && snap.participates[d] {
                rec.candidatesEvaluated += 1
                guard view.compatible(v, d), snap.fits(v, on: d), rules.allows(v, on: d, hostOf: { snap.plannedHost[$0] }) else { continue }
                let l = snap.loadOf(d, cpu: snap.hostCPU[d] + snap.cpuEntitlement[v], memory: snap.hostMemory[d] + snap.memoryEntitlement[v])
                if l < bestLoad { best = d; bestLoad = l }
            }
            if best >= 0 {
                snap.move(v, to: best)
                plan.append(BalancingMove(vm: v, destination: best, priority: 1))
            } else if !rules.allows(v, on: s, mustOnly: true, hostOf: { snap.plannedHost[$0] }) {
                needHost.append(v)   // a `must` rule needs a host that is in standby: DPM wakes it
            }
        }
        return needHost
    }
}
