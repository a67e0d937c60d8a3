import Dispatch
import Foundation

/// Runs a sweep (docs/sweeps.md): checks the whole sweep first, skips the runs an earlier invocation
/// completed, executes the others in parallel (`jobs` at a time, each into its own run folder
/// `<out>/<name>/runs/<config slug>/rep-<k>/`), then writes `sweep.csv` and `comparison.csv`.
///
/// Outputs do not depend on `jobs`: runs are independent, each writes only its own folder, and
/// the tables are built afterwards from the folders in run order. A run folder exists only once
/// its run completed (``RunRunner`` renames it into place), so an interrupted sweep loses no
/// completed run and a rerun redoes exactly the missing ones.
public enum SweepRunner {
    /// Runs `request`; throws ``InputError`` or `ScenarioErrors` before anything runs for bad
    /// input, ``RunCancelled`` when cancelled (completed runs stay), or the first run's error.
    public static func run(_ request: SweepRequest) throws -> SweepResult {
        let started = Date()
        let prepared = try PreparedSweep(request)
        let layout = prepared.layout
        try OutputFolderGuard.checkSweepFolder(prepared.folder)
        do {
            try FileManager.default.createDirectory(at: prepared.folder, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: prepared.folder.path, message: "cannot create folder (\(error.localizedDescription))")
        }
        let lock = try SweepLock(folder: prepared.folder, shard: request.shard)
        defer { withExtendedLifetime(lock) {} }
        try removeStaleTables(in: prepared.folder, newPlan: layout)
        try layout.write(into: prepared.folder)

        let mine = layout.runs.enumerated().filter { request.shard.contains(position: $0.offset) }.map(\.element)
        let pending = mine.filter { !isComplete($0, prepared: prepared) }
        let tracker = SweepTracker(total: mine.count, skipped: mine.count - pending.count, started: started)
        request.progress?(tracker.progress)
        try execute(pending, prepared: prepared, request: request, tracker: tracker)

        var tablesWritten = false
        var warnings: [String] = []
        var headlines: [String] = []
        if request.shard.isWhole {
            let sweepTables = try tables(layout, folders: [prepared.folder])
            try sweepTables.write(into: prepared.folder)
            tablesWritten = true
            headlines = sweepTables.headlines()
            if let warning = sweepTables.identicalReplicationsWarning() { warnings.append(warning) }
        }
        var result = SweepResult(folder: prepared.folder.path, layout: layout, shard: request.shard, totalRuns: layout.runs.count,
                                 shardRuns: mine.count, runsExecuted: tracker.executed, runsSkipped: mine.count - pending.count,
                                 tablesWritten: tablesWritten, wallSeconds: Date().timeIntervalSince(started), warnings: warnings)
        result.headlines = headlines
        return result
    }
    /// Removes the tables of an earlier sweep when the folder's plan changes: until this sweep
    /// rebuilds them, tables next to a new `sweep-plan.json` would look current but describe
    /// another plan (an interrupted re-sweep left them so).
    static func removeStaleTables(in folder: URL, newPlan layout: SweepLayout) throws {
        let planFile = folder.appendingPathComponent(SweepLayout.fileName)
        let current = FileManager.default.contents(atPath: planFile.path)
        guard try current != layout.jsonData() else { return }
        for name in SweepTables.fileNames {
            let url = folder.appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            do { try FileManager.default.removeItem(at: url) } catch {
                throw OutputError(path: url.path, message: "cannot remove the table of the earlier plan (\(error.localizedDescription))")
            }
        }
    }

    /// Whether `run`'s folder holds its completed run (same configuration scenario and seed).
    static func isComplete(_ run: SweepRunID, prepared: PreparedSweep) -> Bool {
        let layout = prepared.layout
        let folder = SweepRunFolder(url: layout.folder(of: run, in: prepared.folder))
        return folder.completedSummary(seed: layout.seed(forReplication: run.replication),
                                       fingerprint: layout.configurations[run.configuration].scenarioFingerprint) != nil
    }

    /// Executes `pending` with `jobs` workers; stops taking runs on cancellation or an error.
    static func execute(_ pending: [SweepRunID], prepared: PreparedSweep, request: SweepRequest, tracker: SweepTracker) throws {
        guard !pending.isEmpty else { return }
        let workers = min(request.jobs, pending.count)
        // Runs in parallel: each run simulates its clusters one after the other. One run at a
        // time: it may use every core for its clusters.
        let threads = workers > 1 ? 1 : ProcessInfo.processInfo.activeProcessorCount
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while request.cancellation?.isCancelled != true, let i = tracker.take(limit: pending.count) {
                do {
                    try execute(pending[i], prepared: prepared, request: request, threads: threads)
                    let progress = tracker.finished()  // counted even without a progress callback
                    request.progress?(progress)
                } catch is RunCancelled {
                    return
                } catch {
                    tracker.fail(error, at: i)
                    return
                }
            }
        }
        if let error = tracker.firstError { throw error }
        if tracker.executed < pending.count { throw RunCancelled() }
    }

    /// Builds and runs one run into its folder.
    static func execute(_ run: SweepRunID, prepared: PreparedSweep, request: SweepRequest, threads: Int) throws {
        let layout = prepared.layout
        let plan = try ModelBuilder.plan(prepared.scenarios[run.configuration], configID: layout.configurations[run.configuration].id,
                                         replication: run.replication, checkInvariants: request.checkInvariants,
                                         traces: prepared.traces)
        let folder = layout.folder(of: run, in: prepared.folder)
        removeStalePartials(of: folder)
        _ = try RunRunner.run(plan, into: folder, options: RunOptions(threads: threads, cancellation: request.cancellation))
    }

    /// Deletes the temporary folders an interrupted earlier attempt of this run left behind,
    /// except those of a process that is still alive on this machine (another sweep's run in
    /// progress is never pulled from under it).
    static func removeStalePartials(of folder: URL) {
        let parent = folder.deletingLastPathComponent()
        let prefix = ".\(folder.lastPathComponent).partial-"
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: parent.path)) ?? [] where name.hasPrefix(prefix) {
            if let pid = Int32(name.dropFirst(prefix.count)), isAlive(pid) { continue }
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
    }

    /// Whether process `pid` exists (`kill(pid, 0)` succeeds or is refused for permission).
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0 else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// The tables of `layout` from the completed runs found in `folders` (the first folder that
    /// holds a run wins); throws ``InputError`` naming the missing runs.
    static func tables(_ layout: SweepLayout, folders: [URL]) throws -> SweepTables {
        var cells: [[String]] = []
        var missing: [String] = []
        for run in layout.runs {
            let summary = folders.lazy.compactMap { folder in
                SweepRunFolder(url: layout.folder(of: run, in: folder)).completedSummary(
                    seed: layout.seed(forReplication: run.replication),
                    fingerprint: layout.configurations[run.configuration].scenarioFingerprint)
            }.first
            if let summary { cells.append(summary.metricCells) } else { missing.append(layout.label(of: run)) }
        }
        guard missing.isEmpty else {
            let shown = missing.prefix(5).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            throw InputError("\(missing.count) of \(layout.runs.count) runs are missing or incomplete (\(shown)); "
                             + "run the shards that hold them again (drsim sweep resumes)")
        }
        return SweepTables(layout: layout, metricCells: cells)
    }
}
