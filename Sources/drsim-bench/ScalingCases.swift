import Experiments
import Foundation

/// Issue 9's scaling table: the same workload mix from the 8-host demo to the 6,400-host fleet,
/// and the fleet over 7 to 60 days. Each case runs in its own child process (peak RSS is per
/// case) with all cores, and reports wall time, simulated VM-samples and events per second,
/// peak RSS, and the run's own per-phase counters (`phase_seconds` of `manifest.json`: CPU
/// seconds summed over clusters, so with two threads they add up to about twice the wall time).
///
/// `drsim-bench scale` runs only this table; docs/performance.md reads it.
enum ScalingCases {
    /// One row: a scenario cut to `clusters` clusters (nil: as written) and run for `days`.
    struct Case {
        let name: String
        let path: String
        let clusters: Int?
        let days: Int
        /// Wall-time target in seconds (issue 9: the 30-day fleet under a minute), if any.
        var targetSeconds: Double?
        /// Peak-RSS target in MB (issue 9: the 30-day fleet under 2 GB), if any.
        var targetRSSMB: Double?
    }

    static let cases: [Case] = [
        Case(name: "scale-demo-8x120-7d", path: "scenarios/demo.yaml", clusters: nil, days: 7),
        Case(name: "scale-cluster-32x1000-7d", path: "scenarios/cluster-32x1000.yaml", clusters: nil, days: 7),
        Case(name: "scale-fleet-1x64-7d", path: "scenarios/fleet.yaml", clusters: 1, days: 7),
        Case(name: "scale-fleet-25x64-7d", path: "scenarios/fleet.yaml", clusters: 25, days: 7),
        Case(name: "scale-fleet-50x64-7d", path: "scenarios/fleet.yaml", clusters: 50, days: 7),
        Case(name: "scale-fleet-100x64-7d", path: "scenarios/fleet.yaml", clusters: 100, days: 7),
        Case(name: "scale-fleet-100x64-15d", path: "scenarios/fleet.yaml", clusters: 100, days: 15),
        Case(name: "scale-fleet-100x64-30d", path: "scenarios/fleet.yaml", clusters: 100, days: 30,
             targetSeconds: 60, targetRSSMB: 2_048),
        Case(name: "scale-fleet-100x64-60d", path: "scenarios/fleet.yaml", clusters: 100, days: 60),
    ]

    static var names: [String] { cases.map(\.name) }

    static func run(_ name: String) throws {
        guard let c = cases.first(where: { $0.name == name }) else { throw InputError("unknown bench case \(name)") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("drsim-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: scratch) }
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        var path = c.path
        if let n = c.clusters {
            let text = try String(contentsOfFile: c.path, encoding: .utf8)
            path = scratch.appendingPathComponent("scenario.yaml").path
            try firstClusters(n, of: text).write(toFile: path, atomically: true, encoding: .utf8)
        }
        var request = RunRequest(scenarioPath: path)
        request.outDir = scratch.appendingPathComponent("out").path
        request.overrides = ["duration=\(c.days)d"]
        request.options = RunOptions(threads: ProcessInfo.processInfo.activeProcessorCount)
        let start = Date()
        let result = try ScenarioRun.run(request)
        let wall = Date().timeIntervalSince(start)
        let rss = BenchCases.peakRSSMB()
        let manifest = try manifestObject(result.folder)
        let hosts = manifest["hosts"] as? Int ?? 0, vms = manifest["vms"] as? Int ?? 0
        let phases = manifest["phase_seconds"] as? [String: Double] ?? [:]
        let samples = Double(c.days) * 86_400 / 300   // the scenarios sample every 5 minutes
        var fields = [
            "hosts": "\(hosts)", "vms": "\(vms)", "days": "\(c.days)", "threads": "\(request.options.threads)",
            "wall_s": String(format: "%.2f", wall),
            "vm_samples_per_s": String(format: "%.0f", Double(vms) * samples / wall),
            "events_per_s": String(format: "%.0f", Double(result.eventsProcessed) / wall),
            "peak_rss_mb": String(format: "%.1f", rss),
        ]
        for phase in ["sampling", "drs", "dpm", "migrations", "lifecycle", "output_merge"] {
            fields["cpu_s_\(phase)"] = String(format: "%.2f", phases[phase] ?? 0)
        }
        if let t = c.targetSeconds { fields["target_wall_s"] = String(format: "%.0f", t) }
        if let t = c.targetRSSMB { fields["target_rss_mb"] = String(format: "%.0f", t) }
        if c.targetSeconds != nil || c.targetRSSMB != nil {
            fields["pass"] = "\(wall < (c.targetSeconds ?? .infinity) && rss < (c.targetRSSMB ?? .infinity))"
        }
        BenchCases.line(c.name, fields)
    }

    /// The scenario text with only its first `n` clusters (the fleet lists one cluster per
    /// `  - name: ` item after `clusters:`).
    static func firstClusters(_ n: Int, of text: String) throws -> String {
        guard let head = text.range(of: "\nclusters:\n") else { throw InputError("no clusters: section") }
        let body = text[head.upperBound...]
        let items = body.components(separatedBy: "\n  - name: ")
        guard items.count > n else { return text }
        return String(text[..<head.upperBound]) + items.prefix(n).joined(separator: "\n  - name: ") + "\n"
    }

    static func manifestObject(_ folder: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: folder + "/manifest.json"))
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }
}
