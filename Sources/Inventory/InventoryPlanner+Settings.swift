import Foundation

extension InventoryPlanner {
    /// The oldest "major.minor" among `ESX Version` strings ("VMware ESXi 6.7.0 build-…" → "6.7").
    static func oldestVersion(_ versions: [String]) -> String? {
        let pairs: [(Int, Int)] = versions.compactMap { text in
            guard let regex = try? NSRegularExpression(pattern: #"(\d+)\.(\d+)"#),
                  let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
                  let major = Range(match.range(at: 1), in: text).flatMap({ Int(text[$0]) }),
                  let minor = Range(match.range(at: 2), in: text).flatMap({ Int(text[$0]) }) else { return nil }
            return (major, minor)
        }
        guard let oldest = pairs.min(by: { $0 < $1 }) else { return nil }
        return "\(oldest.0).\(oldest.1)"
    }

    /// The cluster's EVC generation when every host reports the same known `Current EVC` mode.
    mutating func evcGeneration(_ cluster: String, _ modes: [String]) -> String? {
        let active = modes.filter { !["", "disabled", "none", "n/a"].contains($0.lowercased()) }
        guard let first = active.first, active.count == modes.count else { return nil }
        guard active.allSatisfy({ $0.lowercased() == first.lowercased() }) else {
            warnings.append("cluster '\(cluster)': hosts report different EVC modes; no evc written")
            return nil
        }
        guard let generation = CPUModelCatalog.generation(forEVCMode: first) else {
            warnings.append("cluster '\(cluster)': EVC mode '\(first)' is not a listed generation; no evc written")
            return nil
        }
        return generation
    }

    /// drsim's automation level for vSphere's `DRS default VM behavior`.
    mutating func drsAutomation(_ cluster: String, _ behavior: String) -> String? {
        switch RVToolsColumn.normalize(behavior) {
        case "": return nil
        case "fullyautomated": return "fully_automated"
        case "partiallyautomated": return "partially_automated"
        case "manual": return "manual"
        default:
            warnings.append("cluster '\(cluster)': DRS behavior '\(behavior)' not recognized; default automation")
            return nil
        }
    }
}

extension InventoryPlanner {
    /// drsim's DPM automation for vSphere's `DPM default behavior` (automated, manual).
    mutating func dpmAutomation(_ cluster: String, _ behavior: String) -> String? {
        switch RVToolsColumn.normalize(behavior) {
        case "": return nil
        case "automated", "automatic": return "automatic"
        case "manual": return "manual"
        default:
            warnings.append("cluster '\(cluster)': DPM behavior '\(behavior)' not recognized; default automation")
            return nil
        }
    }
}

extension InventoryPlanner {
    /// vCluster's `Failover Level` when HA admission control is on: at least 1, below the
    /// cluster's host count (drsim's rule, as vSphere's); `nil` (the default, 1) otherwise.
    mutating func failuresToTolerate(_ cluster: String, _ settings: ClusterRecord?, hosts: Int) -> Int? {
        guard let settings, settings.admissionControl == true, let level = settings.failoverLevel else { return nil }
        guard hosts > 1 else { return nil }
        let tolerated = min(max(1, level), hosts - 1)
        if tolerated != level {
            warnings.append("cluster '\(cluster)': HA failover level \(level) with \(hosts) hosts; "
                + "host_failures_to_tolerate \(tolerated) written")
        }
        return tolerated
    }
}

extension InventoryPlanner {
    /// vCluster's `AdmissionControlEnabled`; off for a one-host cluster, where no failure can be
    /// tolerated (with a warning).
    mutating func admissionControl(_ cluster: String, _ settings: ClusterRecord?, hosts: Int) -> Bool? {
        guard let enabled = settings?.admissionControl else { return nil }
        if enabled, hosts < 2 {
            warnings.append("cluster '\(cluster)': HA admission control on a one-host cluster tolerates no failure; written as off")
            return false
        }
        return enabled
    }
}
