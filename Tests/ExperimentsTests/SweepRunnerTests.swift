import Foundation
import Testing
@testable import Experiments

/// Sweeps end to end on a tiny scenario: layout, determinism across `--jobs`, resume.
@Suite struct SweepRunnerTests {
    @Test func jobsDoNotChangeTheTablesAndTheLayoutIsTheContract() throws {
        let scenario = try SweepFixture.scenarioFile("jobs")
        let one = SweepFixture.folder("jobs1"), two = SweepFixture.folder("jobs2")
        let first = try SweepRunner.run(SweepFixture.request(scenario, out: one, jobs: 1))
        let second = try SweepRunner.run(SweepFixture.request(scenario, out: two, jobs: 2))
        #expect(first.runsExecuted == 4 && second.runsExecuted == 4)
        #expect(first.tablesWritten)
        let sweep = try #require(SweepFixture.text(one, "sweep.csv"))
        let comparison = try #require(SweepFixture.text(one, "comparison.csv"))
        #expect(sweep == SweepFixture.text(two, "sweep.csv"))
        #expect(comparison == SweepFixture.text(two, "comparison.csv"))

        let lines = sweep.split(separator: "\n").map(String.init)
        let header = ["config_id", "drs.threshold", "replication", "seed"]
            + OutputColumns.summary.map(\.name).drop { $0 != "sim_days" }
        #expect(lines[0] == header.joined(separator: ","))
        #expect(lines.count == 5)
        #expect(lines[1].hasPrefix("drs.threshold=3,3,0,7,1,"))
        #expect(lines[4].hasPrefix("drs.threshold=5,5,1,8,1,"))
        let comparisonLines = comparison.split(separator: "\n")
        #expect(comparisonLines[0] == "config_id,drs.threshold,metric,n,mean,sd,ci95_low,ci95_high,"
            + "diff_mean,diff_sd,diff_ci95_low,diff_ci95_high")
        #expect(comparisonLines.count == 1 + 2 * OutputColumns.comparisonMetrics.count)
        #expect(comparisonLines[1].hasPrefix("drs.threshold=3,3,energy_kwh,2,"))
        #expect(comparisonLines[1].hasSuffix(",0,0,0,0"))

        // Each run is a normal run folder tagged with its configuration and replication.
        let run = one.appendingPathComponent("tiny-sweep/runs/c001-drs.threshold-5/rep-1")
        let summary = try String(contentsOf: run.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.split(separator: "\n")[1].hasPrefix("tiny-sweep,drs.threshold=5,1,8,"))
        #expect(Manifest.isCompleted(folder: run))
    }

    @Test func anInterruptedSweepResumesWithoutRedoingCompletedRuns() throws {
        let scenario = try SweepFixture.scenarioFile("resume")
        let settings = ["drs.threshold=3,4,5"]
        let reference = SweepFixture.folder("resume-ref")
        _ = try SweepRunner.run(SweepFixture.request(scenario, out: reference, settings: settings))

        let out = SweepFixture.folder("resume")
        var interrupted = SweepFixture.request(scenario, out: out, settings: settings)
        let flag = CancellationFlag()
        interrupted.cancellation = flag
        interrupted.progress = { p in if p.executed == 2 { flag.cancel() } }
        #expect(throws: RunCancelled.self) { try SweepRunner.run(interrupted) }
        #expect(SweepFixture.text(out, "sweep.csv") == nil)

        // A run folder that says it did not complete is redone, like a missing one.
        let partial = out.appendingPathComponent("tiny-sweep/runs/c002-drs.threshold-5/rep-0")
        try FileManager.default.createDirectory(at: partial, withIntermediateDirectories: true)
        try Data(#"{"completed": false}"#.utf8).write(to: partial.appendingPathComponent("manifest.json"))

        let resumed = try SweepRunner.run(SweepFixture.request(scenario, out: out, settings: settings))
        #expect(resumed.runsSkipped == 2)
        #expect(resumed.runsExecuted == 4)
        #expect(SweepFixture.text(out, "sweep.csv") == SweepFixture.text(reference, "sweep.csv"))
        #expect(SweepFixture.text(out, "comparison.csv") == SweepFixture.text(reference, "comparison.csv"))
        #expect(Manifest.isCompleted(folder: partial))

        let again = try SweepRunner.run(SweepFixture.request(scenario, out: out, settings: settings))
        #expect(again.runsExecuted == 0 && again.runsSkipped == 6)
    }

    @Test func aChangedScenarioIsNotMistakenForACompletedRun() throws {
        let scenario = try SweepFixture.scenarioFile("changed")
        let out = SweepFixture.folder("changed")
        _ = try SweepRunner.run(SweepFixture.request(scenario, out: out, settings: ["drs.threshold=3"]))
        let changed = try SweepRunner.run(SweepFixture.request(scenario, out: out, settings: ["drs.threshold=3", "duration=12h"]))
        #expect(changed.runsExecuted == 2)
        #expect(changed.layout.axes == ["drs.threshold"])
        #expect(changed.layout.configurations.map(\.id) == ["drs.threshold=3"])
    }
}
