/// The VM DRS score of vSphere 7+ ("execution efficiency": 100 = no contention, [Hagoort-2020],
/// [D70-Thr]) as drsim models it. VMware has not published the formula; this is the model of
/// docs/model.md "Score DRS", every constant in it marked [I] there:
///
/// `score = 100 × (1 − cpuContention) × (1 − memoryContention)`
///
/// - CPU contention of a VM on host h = the larger of the unmet fraction `1 − C/D` (demand D above
///   capacity C) and the CPU-ready fraction of an M/M/c queue of the host's c cores at offered
///   load `a = D / core MHz` (Erlang C): ready / (ready + run) = W/(1 + W), W = C(c, a)/(c − a),
///   with a capped at 98 % of c (beyond that the unmet fraction takes over) [I].
/// - Memory contention = active memory not resident / active memory (the memory model's; between
///   samples it follows the planned placement, see ``ScoreBalancer``).
enum VMScoreModel {
    /// Offered load, as a fraction of the cores, at which the ready estimate stops rising [I].
    static let readyLoadCap = 0.98
    /// Lower edges of the `vms_score_*` buckets (0–20, 20–40, 40–60, 60–80, 80–100) [D70-Thr].
    static let bucketEdges = [0.0, 20, 40, 60, 80]

    /// CPU contention (0–1) of the VMs of a host with `cores` cores of `coreMHz` and `demandMHz`.
    static func cpuContention(demandMHz: Double, cores: Double, coreMHz: Double) -> Double {
        guard demandMHz > 0, cores > 0, coreMHz > 0 else { return 0 }
        let capacity = cores * coreMHz
        let unmet = demandMHz > capacity ? 1 - capacity / demandMHz : 0
        let a = min(demandMHz / coreMHz, readyLoadCap * cores)
        return max(unmet, readyFraction(cores: cores, load: a))
    }

    /// Ready fraction W/(1 + W) of an M/M/c queue with c = `cores` servers at offered load
    /// `load` < c, W = mean wait / mean service = C(c, a)/(c − a) (Erlang C from the stable
    /// Erlang B recurrence B_k = a·B_{k−1}/(k + a·B_{k−1})).
    static func readyFraction(cores: Double, load a: Double) -> Double {
        let c = max(1, Int(cores.rounded(.down)))
        guard a > 0, a < Double(c) else { return a <= 0 ? 0 : 1 }
        var b = 1.0
        for k in 1...c { b = a * b / (Double(k) + a * b) }
        let erlangC = Double(c) * b / (Double(c) - a * (1 - b))
        let w = erlangC / (Double(c) - a)
        return w / (1 + w)
    }

    /// The score (0–100) from the two contentions.
    static func score(cpuContention: Double, memoryContention: Double) -> Double {
        100 * (1 - min(max(cpuContention, 0), 1)) * (1 - min(max(memoryContention, 0), 1))
    }

    /// Bucket 0…4 of a score.
    static func bucket(_ score: Double) -> Int {
        var b = 0
        for (i, edge) in bucketEdges.enumerated() where score >= edge { b = i }
        return b
    }

    /// Minimum score gain (points) of the moved VM for a recommendation of each priority 2…5,
    /// index = priority − 2 [I]: migration threshold t applies priorities ≤ t ([D70-Thr]), so MT2
    /// moves only for a gain of 20 points, MT3 for 10, MT4 for 5, MT5 for 2.
    static let minimumGain = [20.0, 10, 5, 2]

    /// The priority (2…5) of a move gaining `gain` points net of its cost, or nil below MT5's bar.
    static func priority(gain: Double) -> Int? {
        for (i, bar) in minimumGain.enumerated() where gain >= bar { return i + 2 }
        return nil
    }
}
