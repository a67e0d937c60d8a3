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
