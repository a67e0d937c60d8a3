import Foundation
import Testing
@testable import Experiments

/// Shards and `drsim merge`: the merged tables are byte for byte those of one whole sweep.
@Suite struct SweepShardTests {
    static let settings = ["drs.threshold=3,4,5"]

    @Test func shardsInSeparateFoldersMergeIntoTheWholeSweepsTables() throws {
        let scenario = try SweepFixture.scenarioFile("shards")
        let whole = SweepFixture.folder("shards-whole")
        _ = try SweepRunner.run(SweepFixture.request(scenario, out: whole, settings: Self.settings))

        var shardFolders: [String] = []
        var executed = 0
        for i in 1...3 {
            let out = SweepFixture.folder("shard-\(i)")
            var request = SweepFixture.request(scenario, out: out, jobs: 2, settings: Self.settings)
            request.shard = try ShardSpec(index: i, count: 3)
            let result = try SweepRunner.run(request)
            #expect(!result.tablesWritten && result.shardRuns == 2)
            #expect(SweepFixture.text(out, "sweep.csv") == nil)
            executed += result.runsExecuted
            shardFolders.append(out.path)  // a results root holding one sweep folder
        }
        #expect(executed == 6)

        // Without shard 3 the merge names what is missing.
        #expect(throws: InputError.self) { try SweepMerge.merge(Array(shardFolders.prefix(2)), outDir: SweepFixture.folder("m0").path) }

        let merged = SweepFixture.folder("merged")
        let result = try SweepMerge.merge(shardFolders, outDir: merged.path)
        #expect(result.runsLinked == 6)
        #expect(SweepFixture.text(merged, "sweep.csv") == SweepFixture.text(whole, "sweep.csv"))
        #expect(SweepFixture.text(merged, "comparison.csv") == SweepFixture.text(whole, "comparison.csv"))
        let linkedRun = merged.appendingPathComponent("tiny-sweep/runs/c001-drs.threshold-4/rep-1")
        #expect(FileManager.default.fileExists(atPath: linkedRun.appendingPathComponent("timeseries.csv").path))

        // Merging in place: the first shard's folder receives the tables and links to the others' runs.
        let inPlace = try SweepMerge.merge(shardFolders)
        #expect(inPlace.runsLinked == 4)
        #expect(SweepFixture.text(URL(fileURLWithPath: shardFolders[0]), "comparison.csv") == SweepFixture.text(whole, "comparison.csv"))
    }

    @Test func shardsSharingOneFolderMergeInPlace() throws {
        let scenario = try SweepFixture.scenarioFile("shared")
        let out = SweepFixture.folder("shared-out")
        for i in [2, 1] {
            var request = SweepFixture.request(scenario, out: out, settings: Self.settings)
            request.shard = try ShardSpec(index: i, count: 2)
            _ = try SweepRunner.run(request)
        }
        let sweepFolder = out.appendingPathComponent("tiny-sweep").path
        let result = try SweepMerge.merge([sweepFolder])
        #expect(result.runsLinked == 0)
        let whole = try SweepRunner.run(SweepFixture.request(scenario, out: out, settings: Self.settings))
        #expect(whole.runsExecuted == 0 && whole.runsSkipped == 6)
    }

    @Test func foldersOfDifferentSweepsAreRefused() throws {
        let scenario = try SweepFixture.scenarioFile("different")
        let a = SweepFixture.folder("different-a"), b = SweepFixture.folder("different-b")
        _ = try SweepRunner.run(SweepFixture.request(scenario, out: a, settings: ["duration=6h"]))
        _ = try SweepRunner.run(SweepFixture.request(scenario, out: b, settings: ["duration=7h"]))
        #expect(throws: InputError.self) { try SweepMerge.merge([a.path, b.path]) }
        #expect(throws: InputError.self) { try SweepMerge.merge([a.appendingPathComponent("nothing").path]) }
        #expect(throws: InputError.self) { try SweepMerge.merge([]) }

        // A hand-edited plan that would point outside the folder is refused, not followed.
        let plan = a.appendingPathComponent("tiny-sweep/sweep-plan.json")
        let text = try String(contentsOf: plan, encoding: .utf8)
        try text.replacingOccurrences(of: "c000-drs.threshold-3", with: "../../elsewhere").write(to: plan, atomically: true, encoding: .utf8)
        do {
            _ = try SweepMerge.merge([a.path])
            Issue.record("the unsafe plan was accepted")
        } catch {
            #expect(String(describing: error).contains("unsafe folder name '../../elsewhere'"))
        }
    }
}
