import Scenarios

/// `drs_score>=X` reads the timeseries column only score DRS writes (docs/model.md "Score DRS"):
/// a plan that asks for it on a cluster running classic DRS (or none) is refused (exit 2) before
/// any run, rather than judged on empty cells.
enum ScoreDRSCheck {
    static func check(_ levels: [ServiceLevel], clusters: [ClusterSpec]) throws {
        let asks = levels.contains { level in
            if case .bound(let metric, _, _) = level { return metric.name == "drs_score" }
            return false
        }
        guard asks else { return }
        for c in clusters where !runsScoreDRS(c) {
            throw InputError("drs_score needs score DRS, and cluster '\(c.name)' runs "
                             + (c.drs.enabled ? "classic DRS (vsphere_version \(c.vsphereVersion), drs.algorithm \(c.drs.algorithm.rawValue))" : "no DRS")
                             + ": set vsphere_version to 7.0 or later, or drs.algorithm: score (--set vsphere_version=8.0)")
        }
    }

    /// Whether the cluster runs score DRS (`drs.algorithm`, or `auto` at vSphere 7.0 or later).
    static func runsScoreDRS(_ c: ClusterSpec) -> Bool {
        guard c.drs.enabled else { return false }
        switch c.drs.algorithm {
        case .classic: return false
        case .score: return true
        case .auto: return (c.vsphereVersionNumber?.components.first ?? 0) >= 7
        }
    }
}
