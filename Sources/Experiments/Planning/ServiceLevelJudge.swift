/// Judges service levels on one cluster's runs of one replication (docs/planning.md).
struct ServiceLevelJudge {
    /// A service level's value and whether it holds.
    struct Judgement: Sendable {
        var value: Double?
        var holds: Bool
    }

    let levels: [ServiceLevel]
    let window: SLOWindow

    /// The timeseries columns the judgements read.
    var columns: [String] {
        var c = ["vms_down"]
        for case let .bound(metric, _, _) in levels { c += metric.columns }
        var seen = Set<String>()
        return c.filter { seen.insert($0).inserted }
    }

    /// One judgement per level, in order: bounds on `base`; `n_plus_1` on `failure` (every bound
    /// holds there and no VM is down after the warm-up; its value is the first bound's value
    /// there, or the most VMs down when no bound is given); `ha_admission` from `haRatio`.
    func judge(base: ClusterSeries, failure: ClusterSeries?, haRatio: Double) -> [Judgement] {
        levels.map { level in
            switch level {
            case let .bound(metric, _, _):
                let v = window.value(of: metric, in: base)
                return Judgement(value: v, holds: v.map(level.holds) ?? true)
            case .nPlusOne:
                guard let failure else { return Judgement(value: nil, holds: false) }
                var holds = true
                var first: Double?
                for case let .bound(metric, atMost, limit) in levels {
                    let v = window.value(of: metric, in: failure)
                    if first == nil { first = v }
                    if let v, !ServiceLevel.bound(metric, atMost: atMost, limit: limit).holds(v) { holds = false }
                }
                let down = failure.maximum("vms_down", from: SLOWindow.warmupSeconds)
                if down > 0 { holds = false }
                return Judgement(value: first ?? down, holds: holds)
            case .haAdmission:
                return Judgement(value: haRatio, holds: haRatio <= 1)
            }
        }
    }
}
