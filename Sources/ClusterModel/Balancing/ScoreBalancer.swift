/// Score DRS (vSphere 7+, docs/model.md "Score DRS"): every minute, the VM DRS score of every
/// running VM on its host ([VMScoreModel]); a VM is moved when another host gives it a score
/// higher by at least the threshold's bar (20/10/5/2 points at MT2…MT5, [I]) after the move's
/// migration cost, and the move raises the VM-weighted sum of scores of the cluster. Greedy: the
/// best such move over the cluster is applied to the snapshot, then the next, until none is left
/// or every source host reached its per-pass cap. MT1 makes no balancing moves ([D70-Thr]).
struct ScoreBalancer: BalancingPolicy {
    var algorithm: BalancingAlgorithm { .score }
    /// Destinations tried per VM: the least contended feasible hosts [I] (CPU contention rises
    /// with demand, so on equal hosts the best destination is among the least loaded).
    static let destinationsPerVM = 8
    /// Pre-copy slows the guest while memory is traced: 10 % of its CPU over the copy, plus the
    /// whole stun time, counted against the look-back window [I] (as classic DRS's cost-benefit).
    static let precopyOverhead = 0.1

    func plan(_ view: BalancingView) -> BalancingPlan {
        var snap = view.snapshot
        let nv = snap.plannedHost.count, nh = snap.cpuCapacity.count
        var result = BalancingPlan()
        // Host-level state: CPU contention from planned demand, active memory, weights.
        var hostActive = Array(repeating: 0.0, count: nh), hostWeight = hostActive
        for v in 0..<nv where snap.plannedHost[v] >= 0 {
            let h = Int(snap.plannedHost[v])
            hostActive[h] += view.activeMemoryMB[v]
            hostWeight[h] += snap.cpuEntitlement[v]
        }
        func cpuContention(_ h: Int, _ demand: Double) -> Double {
            VMScoreModel.cpuContention(demandMHz: demand, cores: view.hostCores[h], coreMHz: view.coreMHz[h])
        }
        func ownMemory(_ v: Int) -> Double { view.activeMemoryMB[v] > 0 ? view.memoryContentionMB[v] / view.activeMemoryMB[v] : 0 }
        // Memory contention follows the placement between samples (the memory model runs at
        // samples; passes run every minute): a host's resident capacity is what was resident at the
        // sample when it was contended (active − contention), else its memory; its overflow now is
        // planned active memory beyond that, and a VM that stayed keeps its share of the sample's
        // contention scaled by overflow now / then (the memory model's own figure when nothing
        // moved). Without this, VMs keep leaving a host whose contention the next sample would
        // have shown gone, and come back [I].
        var sampleActive = Array(repeating: 0.0, count: nh), sampleContention = sampleActive
        for v in 0..<nv where view.currentHost[v] >= 0 {
            sampleActive[Int(view.currentHost[v])] += view.activeMemoryMB[v]
            sampleContention[Int(view.currentHost[v])] += view.memoryContentionMB[v]
        }
        let residentCapacity = (0..<nh).map { sampleContention[$0] > 0 ? sampleActive[$0] - sampleContention[$0] : snap.memoryCapacity[$0] }
        func plannedMemory(_ v: Int, on h: Int, hostActive active: Double) -> Double {
            guard view.activeMemoryMB[v] > 0, active > 0 else { return 0 }
            let overflow = max(0, active - residentCapacity[h])
            if sampleContention[h] > 0, view.currentHost[v] == Int32(h) {
                return min(1, ownMemory(v) * overflow / sampleContention[h])
            }
            return overflow / active
        }
        var contention = (0..<nh).map { cpuContention($0, snap.hostCPU[$0]) }
        // Scores now (latest sample, current hosts) and the VM-weighted cluster score (weights:
        // CPU demand; equal weights when no VM demands CPU).
        var hostNow = Array(repeating: 0.0, count: nh)
        for v in 0..<nv where view.currentHost[v] >= 0 { hostNow[Int(view.currentHost[v])] += view.currentCPUMHz[v] }
        let contentionNow = (0..<nh).map { cpuContention($0, hostNow[$0]) }
        var scores = [Double](repeating: .nan, count: nv)
        var weighted = 0.0, weights = 0.0, plain = 0.0, running = 0
        for v in 0..<nv where view.currentHost[v] >= 0 {
            let s = VMScoreModel.score(cpuContention: contentionNow[Int(view.currentHost[v])], memoryContention: ownMemory(v))
            scores[v] = s
            weighted += s * view.currentCPUMHz[v]; weights += view.currentCPUMHz[v]
            plain += s; running += 1
        }
        result.scores = scores
        result.clusterScore = running == 0 ? nil : (weights > 0 ? weighted / weights : plain / Double(running))
        guard view.threshold >= 2, snap.hostCount >= 2 else { return result }
        let bar = VMScoreModel.minimumGain[min(view.threshold, 5) - 2]

        var moved = Array(repeating: false, count: nv)
        var movesFrom = Array(repeating: 0, count: nh)
        var dests: [Int] = []
        while true {
            // Destinations: participating hosts, least contended (then least utilized) first.
            dests.removeAll(keepingCapacity: true)
            for d in 0..<nh where snap.participates[d] { dests.append(d) }
            dests.sort { (contention[$0], snap.hostCPU[$0] / snap.cpuCapacity[$0], $0) < (contention[$1], snap.hostCPU[$1] / snap.cpuCapacity[$1], $1) }
            guard let coolest = dests.first else { break }
            let ceiling = VMScoreModel.score(cpuContention: contention[coolest], memoryContention: 0)
            var best: (v: Int, d: Int, objective: Double, net: Double)?
            for v in 0..<nv where snap.plannedHost[v] >= 0 && !moved[v] && !view.migrating[v] && !view.rules.inAffinity[v] {
                let s = Int(snap.plannedHost[v])
                guard movesFrom[s] < view.moveCapPerHost else { continue }
                let current = VMScoreModel.score(cpuContention: contention[s], memoryContention: plannedMemory(v, on: s, hostActive: hostActive[s]))
                // A destination only loses score by taking the VM: the coolest host bounds the gain.
                guard ceiling - current >= bar else { continue }
                if result.trigger == "none" { result.trigger = "score" }
                let e = snap.cpuEntitlement[v]
                var sourceAfter = Double.nan   // computed once a destination qualifies
                var feasible = 0
                for d in dests where d != s && feasible < Self.destinationsPerVM {
                    // Taking the VM only raises a host's contention, and destinations come least
                    // contended first: once a host's score before the VM is not `bar` above the
                    // VM's, no later one is (make bench, fleet-1d-score).
                    if VMScoreModel.score(cpuContention: contention[d], memoryContention: 0) - current < bar { break }
                    result.candidatesEvaluated += 1
                    guard snap.fits(v, on: d), view.compatibility.compatible(v, d),
                          view.rules.rules.isEmpty || view.rules.allows(v, on: d, hostOf: { snap.plannedHost[$0] }) else { continue }
                    feasible += 1
                    let destinationAfter = cpuContention(d, snap.hostCPU[d] + e)
                    let memory = plannedMemory(v, on: d, hostActive: hostActive[d] + view.activeMemoryMB[v])
                    let after = VMScoreModel.score(cpuContention: destinationAfter, memoryContention: memory)
                    let gain = after - current
                    guard gain >= bar else { continue }
                    let cost = view.migrationCost.estimate(v, from: s, to: d)
                    if sourceAfter.isNaN { sourceAfter = cpuContention(s, snap.hostCPU[s] - e) }
                    let net = gain - 100 * (Self.precopyOverhead * cost.duration + cost.downtime) / view.lookbackSeconds[v]
                    guard net >= bar else { result.skippedCostBenefit = 1; continue }
                    // The cluster's weighted score change: the VM's own, the source's other VMs
                    // (less contention), the destination's VMs (more).
                    let objective = e * net + (hostWeight[s] - e) * 100 * (contention[s] - sourceAfter)
                        - hostWeight[d] * 100 * (destinationAfter - contention[d])
                    guard objective > 0, objective > best?.objective ?? 0 else { continue }
                    best = (v, d, objective, net)
                }
            }
            guard let move = best else { break }
            let s = Int(snap.plannedHost[move.v])
            snap.move(move.v, to: move.d)
            hostActive[s] -= view.activeMemoryMB[move.v]; hostActive[move.d] += view.activeMemoryMB[move.v]
            hostWeight[s] -= snap.cpuEntitlement[move.v]; hostWeight[move.d] += snap.cpuEntitlement[move.v]
            contention[s] = cpuContention(s, snap.hostCPU[s])
            contention[move.d] = cpuContention(move.d, snap.hostCPU[move.d])
            moved[move.v] = true
            movesFrom[s] += 1
            result.moves.append(BalancingMove(vm: move.v, destination: move.d, priority: VMScoreModel.priority(gain: move.net) ?? 5))
        }
        return result
    }
}
