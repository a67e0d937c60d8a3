import ClusterModel
import Dispatch
import Foundation
import SimKernel

/// Executes a ``RunPlan`` into a run folder (docs/outputs.md): simulates each cluster on its own event
/// queue (in parallel up to `threads`), streams rows to per-cluster part files, merges them by
/// time, writes `summary.csv`, `scenario.resolved.yaml` and `manifest.json`, and only then
/// renames the temporary folder to its final name. An interrupted or failed run leaves no folder
/// that looks complete.
public enum RunRunner {
    /// Runs `plan` into the folder `folder` (replaced only on success).
    public static func run(_ plan: RunPlan, into folder: URL, options: RunOptions = RunOptions()) throws -> RunResult {
        let started = Date()
        let fm = FileManager.default
        try OutputFolderGuard.checkRunFolder(folder)
        let parent = folder.deletingLastPathComponent()
        do {
            try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: parent.path, message: "cannot create folder (\(error.localizedDescription))")
        }
        let tmp = parent.appendingPathComponent(".\(folder.lastPathComponent).partial-\(ProcessInfo.processInfo.processIdentifier)")
        try? fm.removeItem(at: tmp)
        do {
            try fm.createDirectory(at: tmp, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: tmp.path, message: "cannot create folder (\(error.localizedDescription))")
        }
        var manifest = Manifest(plan: plan)
        try manifest.write(to: tmp)
        try writeText(plan.resolvedYAML, to: tmp.appendingPathComponent("scenario.resolved.yaml"))

        let outcome = ClusterOutcomes(count: plan.clusters.count)
        let total = plan.settings.duration.seconds * Double(plan.clusters.count)
        let done = ProgressCounter()
        let threads = max(1, min(options.threads, plan.clusters.count))
        let next = ProgressCounter()
        DispatchQueue.concurrentPerform(iterations: threads) { _ in
            while true {
                let i = next.take()
                guard i < plan.clusters.count else { return }
                outcome.set(i, Result {
                    try runCluster(plan, index: i, in: tmp, options: options) { seconds in
                        options.progress?(done.add(seconds), total)
                    }
                })
            }
        }
        var summaries: [ClusterSummary] = []
        var co2: [Double?] = []
        var events: Int64 = 0
        do {
            for r in outcome.results {
                guard let r else { throw RunCancelled() }
                let (s, e, c) = try r.get()
                summaries.append(s)
                co2.append(c)
                events += e
            }
            let mergeStart = Date()
            try mergeParts(plan, in: tmp)
            manifest.phaseSeconds["output_merge"] = Date().timeIntervalSince(mergeStart)
            for phase in RunPhase.allCases {
                manifest.phaseSeconds[phase.name] = summaries.reduce(0.0) { $0 + $1.phaseSeconds[phase.rawValue] }
            }
            let summary = RunSummary.combine(summaries, plan: plan, co2Kg: co2)
            let writer = try BufferedFileWriter(path: tmp.appendingPathComponent("summary.csv").path)
            try writer.writeLine(OutputColumns.header(OutputColumns.summary))
            try writer.writeLine(summary.cells)
            try writer.close()

            let wall = Date().timeIntervalSince(started)
            manifest.completed = true
            manifest.wallSeconds = wall
            manifest.eventsProcessed = events
            manifest.drsPasses = summaries.reduce(0) { $0 + $1.drsPasses }
            let drsWall = summaries.reduce(0.0) { $0 + $1.drsPassWallSeconds }
            manifest.drsPassMeanMS = manifest.drsPasses > 0 ? 1_000 * drsWall / Double(manifest.drsPasses) : 0
            try manifest.write(to: tmp)
            try replace(folder, with: tmp)
            return RunResult(folder: folder.path, summary: summary, wallSeconds: wall, eventsProcessed: events)
        } catch {
            manifest.completed = false
            manifest.wallSeconds = Date().timeIntervalSince(started)
            manifest.error = String(describing: error)
            try? manifest.write(to: tmp)
            if error is RunCancelled { throw RunCancelled(partialFolder: tmp.path) }
            throw error
        }
    }

    /// Simulates cluster `index`, writing its part files; returns its summary, event count and CO₂ (kg).
    static func runCluster(
        _ plan: RunPlan, index: Int, in tmp: URL, options: RunOptions, progress: (Double) -> Void
    ) throws -> (ClusterSummary, Int64, Double?) {
        let cluster = plan.clusters[index]
        let settings = plan.settings
        let recorder = try CSVClusterRecorder(
            clusterName: cluster.name,
            calendar: SimCalendar(startUnixSeconds: settings.startUnixSeconds),
            pue: settings.pue, tariff: plan.tariff,
            timeseriesPath: partPath(tmp, "timeseries", index),
            powerEventsPath: partPath(tmp, "power_events", index),
            migrationsPath: partPath(tmp, "migrations", index),
            drsPassesPath: partPath(tmp, "drs_passes", index),
            maintenancePath: partPath(tmp, "maintenance", index),
            outagesPath: partPath(tmp, "outages", index))
        let runtime = ClusterRuntime(config: cluster, settings: settings, recorder: recorder)
        runtime.start()
        var chunk = ChunkSize()
        var t = SimTime.zero
        while t < settings.duration {
            if options.cancellation?.isCancelled == true { try? recorder.close(); throw RunCancelled() }
            let next = min(t + chunk.length, settings.duration)
            let started = DispatchTime.now().uptimeNanoseconds
            runtime.advance(until: next)
            chunk.adapt(wallSeconds: Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
            if !runtime.violations.isEmpty {
                try? recorder.close()
                throw InvariantViolation(cluster: cluster.name, violations: runtime.violations)
            }
            progress((next - t).seconds)
            t = next
        }
        let summary = runtime.finish()
        try recorder.close()
        let co2 = recorder.totalCO2Kg(endSeconds: settings.duration.seconds,
                                      facilityKWh: summary.energyJ / 3_600_000 * settings.pue)
        return (summary, runtime.simulation.eventsProcessed, co2)
    }

    static func partPath(_ tmp: URL, _ kind: String, _ index: Int) -> String {
        tmp.appendingPathComponent(".\(kind).part-\(index)").path
    }

    /// Merges the per-cluster part files into the final CSVs and deletes the parts.
    static func mergeParts(_ plan: RunPlan, in tmp: URL) throws {
        let n = plan.clusters.count
        let files = [("timeseries", OutputColumns.timeseries, false), ("power_events", OutputColumns.powerEvents, false),
                     ("migrations", OutputColumns.migrations, true), ("drs_passes", OutputColumns.drsPasses, false),
                     ("maintenance", OutputColumns.maintenance, false), ("outages", OutputColumns.outages, false)]
        for (kind, columns, numbered) in files {
            let parts = (0..<n).map { partPath(tmp, kind, $0) }
            try PartFileMerger.merge(parts: parts, header: OutputColumns.header(columns),
                                     output: tmp.appendingPathComponent("\(kind).csv").path, numbering: numbered)
            for p in parts { try? FileManager.default.removeItem(atPath: p) }
        }
    }

    /// Moves `tmp` to `folder`, replacing an earlier result only now that the new one is complete.
    static func replace(_ folder: URL, with tmp: URL) throws {
        let fm = FileManager.default
        let old = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).old-\(ProcessInfo.processInfo.processIdentifier)")
        // Checked again now: the folder may have appeared while the run was simulating.
        try OutputFolderGuard.checkRunFolder(folder)
        if OutputFolderGuard.content(of: folder) != .absent {
            try? fm.removeItem(at: old)
            do { try fm.moveItem(at: folder, to: old) } catch {
                throw OutputError(path: folder.path, message: "cannot replace the earlier result (\(error.localizedDescription))")
            }
        }
        do { try fm.moveItem(at: tmp, to: folder) } catch {
            throw OutputError(path: folder.path, message: "cannot move the finished run into place (\(error.localizedDescription))")
        }
        try? fm.removeItem(at: old)
    }

    static func writeText(_ text: String, to url: URL) throws {
        let w = try BufferedFileWriter(path: url.path)
        try w.write(text)
        try w.close()
    }
}

/// Per-cluster results filled in by worker threads (each index written once).
final class ClusterOutcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Result<(ClusterSummary, Int64, Double?), Error>?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ r: Result<(ClusterSummary, Int64, Double?), Error>) { lock.withLock { storage[i] = r } }
    var results: [Result<(ClusterSummary, Int64, Double?), Error>?] { lock.withLock { storage } }
}

/// A lock-protected counter (work distribution and progress).
final class ProgressCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0.0
    private var index = 0
    func add(_ x: Double) -> Double { lock.withLock { value += x; return value } }
    func take() -> Int { lock.withLock { defer { index += 1 }; return index } }
}

/// How far a cluster runs between two looks at the cancellation flag: the simulated span grows
/// (×2, up to 6 h) while a chunk takes under 50 ms of wall time and shrinks (÷4, down to 1 µs)
/// when one takes over 200 ms, so a signal is seen within about a fifth of a second however many
/// events a simulated hour holds. Outputs do not depend on it: running to `t` then on is the
/// same as running on (the kernel's contract).
struct ChunkSize {
    private(set) var length = SimTime(microseconds: 1_000_000)
    static let longest = SimTime.hours(6)

    mutating func adapt(wallSeconds: Double) {
        if wallSeconds < 0.05 {
            length = min(Self.longest, SimTime(microseconds: length.microseconds * 2))
        } else if wallSeconds > 0.2 {
            length = SimTime(microseconds: max(1, length.microseconds / 4))
        }
    }
}

