import Foundation
import Testing
@testable import Experiments
import Scenarios

/// Issue 17, sweeps (items 11–14): stale tables, two sweeps in one folder, a merge after a shard
/// folder was deleted, and the statistics a new user tripped on.
@Suite struct SweepHardeningTests {
    /// Item 11: a re-sweep with another plan, interrupted, left the old tables next to the new plan.
    @Test func aNewPlanRemovesTheOldTablesUntilRebuilt() throws {
        let scenario = try SweepFixture.scenarioFile("stale-tables")
        let out = SweepFixture.folder("stale-tables")
        _ = try SweepRunner.run(SweepFixture.request(scenario, out: out, settings: ["duration=2h"]))
        #expect(SweepFixture.text(out, "sweep.csv") != nil)
        #expect(SweepFixture.text(out, "comparison-wide.csv") != nil)

        var other = SweepFixture.request(scenario, out: out, settings: ["duration=2h", "drs.threshold=2,4"])
        let flag = CancellationFlag()
        other.cancellation = flag
        other.progress = { _ in flag.cancel() }   // after the plan is written, before any run
        #expect(throws: RunCancelled.self) { try SweepRunner.run(other) }
        for name in SweepTables.fileNames { #expect(SweepFixture.text(out, name) == nil, "\(name) survived") }
        #expect(SweepFixture.text(out, "sweep-plan.json")?.contains("drs.threshold=2") == true)
    }

    /// Item 12: a second sweep into the folder of a live one deleted its partial run folders.
    @Test func aSecondSweepIntoTheSameFolderIsRefused() throws {
        let scenario = try SweepFixture.scenarioFile("lock")
        let out = SweepFixture.folder("lock")
        let folder = out.appendingPathComponent("tiny-sweep")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try {
            let held = try SweepLock(folder: folder, shard: .whole)
            let error = #expect(throws: InputError.self) { try SweepRunner.run(SweepFixture.request(scenario, out: out)) }
            #expect(error?.description.contains("another drsim sweep is working in") == true, "\(String(describing: error))")
            withExtendedLifetime(held) {}
        }()
        // Shards of one sweep share the folder; the same shard twice does not.
        let shardA = try SweepLock(folder: folder, shard: try ShardSpec(index: 1, count: 2))
        let shardB = try SweepLock(folder: folder, shard: try ShardSpec(index: 2, count: 2))
        #expect(throws: InputError.self) { _ = try SweepLock(folder: folder, shard: try ShardSpec(index: 2, count: 2)) }
        withExtendedLifetime((shardA, shardB)) {}
    }

    /// Item 1 for sweeps, without refusing what a sweep itself leaves before its plan: the Slurm
    /// script's `slurm-logs/`, the locks and the plan's temporary file of a shard starting at the
    /// same moment.
    @Test func aFreshSweepFolderMayHoldSlurmLogsAndLocks() throws {
        let scenario = try SweepFixture.scenarioFile("fresh")
        let out = SweepFixture.folder("fresh")
        let folder = out.appendingPathComponent("tiny-sweep")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("slurm-logs"), withIntermediateDirectories: true)
        for name in [".drsim-sweep.lock", ".drsim-shard-1-of-2.lock", ".sweep-plan.json.tmp-node7-4242"] {
            #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data()))
        }
        #expect(OutputFolderGuard.content(of: folder) == .emptyFolder)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("mine"), withIntermediateDirectories: true)
        #expect(throws: InputError.self) { try OutputFolderGuard.checkSweepFolder(folder) }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("mine"))
        _ = try SweepRunner.run(SweepFixture.request(scenario, out: out, settings: ["duration=1h"]))
        #expect(SweepFixture.text(out, "sweep.csv") != nil)
    }

    /// Two shards of one array start at once: shard 1 finds no plan yet, then shard 2 puts the plan
    /// and `runs/` in place before shard 1 lists the folder. Shard 1 must see a sweep folder, not
    /// a foreign one (seen once in a Slurm job array; fixed by the listing's own plan check).
    @Test func aShardThatListsAfterAnotherPutThePlanSeesASweep() throws {
        let folder = SweepFixture.folder("interleaved").appendingPathComponent("tiny-sweep")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: folder.appendingPathComponent(".drsim-shard-1-of-2.lock").path, contents: Data()))
        var interleaved = false
        let seen = OutputFolderGuard.content(of: folder) {
            // Shard 2, between shard 1's plan check and its listing.
            interleaved = FileManager.default.createFile(atPath: folder.appendingPathComponent(SweepLayout.fileName).path, contents: Data("{}".utf8))
            try? FileManager.default.createDirectory(at: folder.appendingPathComponent("runs"), withIntermediateDirectories: true)
        }
        #expect(interleaved)
        #expect(seen == .sweepFolder)
        #expect(OutputFolderGuard.content(of: folder) == .sweepFolder)
    }

    /// Item 12: partial folders of a live process are left alone; a dead one's are removed.
    @Test func livePartialsAreKept() throws {
        let out = SweepFixture.folder("partials")
        let run = out.appendingPathComponent("rep-0")
        let live = out.appendingPathComponent(".rep-0.partial-1")   // pid 1 is always alive
        let dead = out.appendingPathComponent(".rep-0.partial-2147483646")
        for folder in [live, dead] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        SweepRunner.removeStalePartials(of: run)
        #expect(FileManager.default.fileExists(atPath: live.path))
        #expect(!FileManager.default.fileExists(atPath: dead.path))
    }

    /// Item 13: after `drsim merge`, a deleted shard folder left a dangling link that blocked
    /// resume and merge forever; stale run folders survived next to correct tables unnoticed.
    @Test func mergeReplacesDanglingLinksAndReportsStrayFolders() throws {
        let scenario = try SweepFixture.scenarioFile("dangling")
        let out = SweepFixture.folder("dangling")
        let shard1 = out.appendingPathComponent("s1"), shard2 = out.appendingPathComponent("s2")
        for (i, folder) in [shard1, shard2].enumerated() {
            var request = SweepFixture.request(scenario, out: folder, settings: ["duration=2h"])
            request.shard = try ShardSpec(index: i + 1, count: 2)
            _ = try SweepRunner.run(request)
        }
        let merged = try SweepMerge.merge([shard1.path, shard2.path])
        #expect(merged.runsLinked == 2)
        // The second shard is copied elsewhere, then deleted: the links dangle.
        let copy = out.appendingPathComponent("s2-copy")
        try FileManager.default.copyItem(at: shard2, to: copy)
        try FileManager.default.removeItem(at: shard2)
        let stray = shard1.appendingPathComponent("tiny-sweep/runs/c009-old-plan/rep-0")
        try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
        let again = try SweepMerge.merge([shard1.path, copy.path])
        #expect(again.runsLinked == 2)
        #expect(again.strayFolders == ["c009-old-plan/rep-0"])
        #expect(SweepReport.text(again).contains("warning: 1 folder in runs/ is not part of this sweep"))
        // And a whole-sweep resume in the merged folder finds every run complete.
        try FileManager.default.removeItem(at: copy)
        let resumed = try SweepRunner.run(SweepFixture.request(scenario, out: shard1, settings: ["duration=2h"]))
        #expect(resumed.runsSkipped == 2 && resumed.runsExecuted == 2)
    }

    /// Item 14: empty downtime cells are left out of the statistics (not read as NaN means), and
    /// the lower bound of a mean's interval is clipped at 0.
    @Test func statisticsSkipEmptyCellsAndClipAtZero() {
        let cells = SweepTables.statistics([.nan, .nan], baseline: [1, 2], isBaseline: false)
        #expect(cells == ["0", "", "", "", "", "", "", "", ""])
        let wide = SweepTables.statistics([0, 0, 9], baseline: [0, 0, 9], isBaseline: false)
        #expect(wide[3] == "0")   // mean 3, sd 5.2: t interval would reach −9.9
        #expect(wide[4] != "" && (Double(wide[4]) ?? 0) > 3)
        let some = SweepTables.statistics([4, .nan, 6], baseline: [3, 5, 5], isBaseline: false)
        #expect(some[0] == "2" && some[1] == "5" && some[5] == "1")
    }

    /// Item 14: `comparison-wide.csv`, one row per configuration; and the console headlines.
    @Test func wideComparisonAndHeadlines() throws {
        let scenario = try SweepFixture.scenarioFile("wide")
        let out = SweepFixture.folder("wide")
        let result = try SweepRunner.run(SweepFixture.request(scenario, out: out, settings: ["duration=4h"]))
        let wide = try #require(SweepFixture.text(out, "comparison-wide.csv")).split(separator: "\n")
        #expect(wide.count == 3)
        #expect(wide[0].hasPrefix("config_id,drs.threshold,baseline,energy_kwh_mean,energy_kwh_diff,facility_energy_kwh_mean,"))
        #expect(wide[1].hasPrefix("drs.threshold=3,3,true,"))
        #expect(wide[2].hasPrefix("drs.threshold=5,5,false,"))
        let columns = wide[0].split(separator: ",", omittingEmptySubsequences: false).count
        #expect(wide.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == columns })
        #expect(result.headlines.count == 2)
        #expect(result.headlines[0].contains("(baseline)"))
        let text = SweepReport.text(result)
        #expect(text.contains("2 configurations × 2 replications = 4 runs"))
        #expect(text.contains("per configuration"))
        #expect(SweepReport.counted(1, "configuration") == "1 configuration")
    }

    /// Item 15: `--baseline PATH=VALUE` chooses the baseline (the file's `sweep.baseline` too);
    /// a value that is not on the axis is bad input.
    @Test func baselineFromTheCommandLine() throws {
        let scenario = try SweepFixture.scenarioFile("baseline")
        let out = SweepFixture.folder("baseline")
        var request = SweepFixture.request(scenario, out: out, settings: ["duration=2h"])
        request.baseline = ["drs.threshold=5"]
        let result = try SweepRunner.run(request)
        #expect(result.layout.configurations[result.layout.baselineIndex].id == "drs.threshold=5")
        #expect(SweepFixture.text(out, "sweep-plan.json")?.contains("\"baseline_index\" : 1") == true)
        #expect(SweepReport.text(result).contains("baseline      drs.threshold=5"))
        request.baseline = ["drs.threshold=7"]
        let error = #expect(throws: ScenarioErrors.self) { try SweepRunner.run(request) }
        #expect(error?.issues.first?.message == "'7' is not one of axis 'drs.threshold' values (3, 5) "
                + "(from --baseline drs.threshold=7)")
        request.baseline = ["dpm.enabled=true"]
        #expect(throws: ScenarioErrors.self) { try SweepRunner.run(request) }
    }

    /// Item 14: a run where nothing migrated writes empty downtime quantiles, not 0 ms.
    @Test func noMigrationsMeansEmptyDowntimeQuantiles() {
        let cells = RunSummary().cells
        let names = OutputColumns.summary.map(\.name)
        #expect(cells.count == names.count)
        for name in ["downtime_p50_ms", "downtime_p95_ms", "downtime_p99_ms", "downtime_max_ms"] {
            let index = try? #require(names.firstIndex(of: name))
            #expect(index.map { cells[$0] } == "", "\(name)")
        }
        #expect(cells[names.firstIndex(of: "downtime_total_s") ?? 0] == "0")
    }

    /// Item 7: preparing a sweep of 10⁴ configurations took minutes and ignored SIGTERM. The flag
    /// cancels itself at its 50th check, which only the preparation loops can reach (one check
    /// per configuration; runs would check far later), so the sweep must stop there, before any
    /// run, whatever the machine's load (a wall-clock bound failed when the whole suite loaded 2 cores).
    @Test func sweepPreparationIsCancellable() throws {
        let scenario = try SweepFixture.scenarioFile("prepare")
        let out = SweepFixture.folder("prepare")
        let values = (1...100).map { String(format: "%.2f", 0.20 + Double($0) * 0.005) }.joined(separator: ",")
        var request = SweepFixture.request(scenario, out: out, settings: [
            "vm_profiles.app.workload.cpu.mean=\(values)", "vm_profiles.app.workload.cpu.diurnal.amplitude=\(values)"])
        request.replications = 1
        request.cancellation = CancellationFlag(cancellingAtCheck: 50)
        var outcome = "finished"
        do { _ = try SweepRunner.run(request) } catch is RunCancelled { outcome = "cancelled" } catch { outcome = "\(error)" }
        #expect(outcome == "cancelled")
        let written = FileManager.default.enumerator(atPath: out.path)?.allObjects as? [String] ?? []
        #expect(!written.contains { $0.hasSuffix("manifest.json") || $0.hasSuffix("sweep-plan.json") },
                "stopped before any run or plan: \(written.prefix(5))")
    }
}

