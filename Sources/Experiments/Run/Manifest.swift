import Foundation

/// `manifest.json` of a run folder: what ran, with which seed, how long it took, and whether it
/// completed. Wall time lives here, never in a CSV, so CSVs stay byte-identical across runs.
struct Manifest: Encodable {
    var drsimVersion = DRSimVersion.current
    var scenario: String
    var configID: String
    var replication: Int
    var seed: UInt64
    var simulatedDays: Double
    var clusters: Int
    var hosts: Int
    var vms: Int
    var completed = false
    var wallSeconds = 0.0
    var eventsProcessed: Int64 = 0
    /// DRS passes and their mean wall time (the pass compute time; kept out of the CSVs).
    var drsPasses = 0
    var drsPassMeanMS = 0.0
    /// Wall seconds per phase, summed over clusters (CPU time when clusters run in parallel).
    var phaseSeconds: [String: Double] = [:]
    var error: String?

    enum CodingKeys: String, CodingKey {
        case drsimVersion = "version", scenario, configID = "config_id", replication, seed
        case simulatedDays = "simulated_days", clusters, hosts, vms, completed
        case wallSeconds = "wall_time_s", eventsProcessed = "events_processed", error
        case drsPasses = "drs_passes", drsPassMeanMS = "drs_pass_mean_ms"
        case phaseSeconds = "phase_seconds"
    }

    init(plan: RunPlan) {
        scenario = plan.scenarioName
        configID = plan.configID
        replication = plan.replication
        seed = plan.settings.seed
        simulatedDays = plan.settings.duration.seconds / 86_400
        clusters = plan.clusters.count
        hosts = plan.clusters.reduce(0) { $0 + $1.hosts.count }
        vms = plan.clusters.reduce(0) { $0 + $1.vms.count }
    }

    func write(to folder: URL) throws {
        let enc = JSONEncoder()
        enc.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try enc.encode(self)
        let path = folder.appendingPathComponent("manifest.json").path
        guard FileManager.default.createFile(atPath: path, contents: data + Data("\n".utf8)) else {
            throw OutputError(path: path, message: "cannot write")
        }
    }

    /// Reads whether the manifest in `folder` says the run completed.
    static func isCompleted(folder: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path),
              let obj = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return obj["completed"] as? Bool == true
    }
}

/// The drsim version string written to manifests.
public enum DRSimVersion {
    public static let current = "0.1.0"
}
