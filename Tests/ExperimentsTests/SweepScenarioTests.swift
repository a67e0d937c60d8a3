import Foundation
import Testing
@testable import Experiments

/// `scenarios/compare-drs-thresholds.yaml` runs, shortened, and compares what it promises.
@Suite struct SweepScenarioTests {
    static let scenario = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios/compare-drs-thresholds.yaml").path

    @Test func compareDRSThresholdsRunsShortened() throws {
        let out = SweepFixture.folder("thresholds")
        var request = SweepFixture.request(Self.scenario, out: out, jobs: 2, settings: ["duration=4h"])
        request.replications = 2
        let result = try SweepRunner.run(request)
        #expect(result.layout.axes == ["drs.threshold", "dpm.enabled"])
        #expect(result.layout.configurations.count == 10)
        #expect(result.layout.configurations[result.layout.baselineIndex].id == "drs.threshold=3,dpm.enabled=false")
        #expect(result.runsExecuted == 20)
        let comparison = try #require(SweepFixture.text(out, "comparison.csv", sweep: "compare-drs-thresholds"))
        #expect(comparison.split(separator: "\n").count == 1 + 10 * OutputColumns.comparisonMetrics.count)
        #expect(comparison.contains("\"drs.threshold=3,dpm.enabled=false\",3,false,energy_kwh,2,"))
    }

    @Test func fullScenarioDeclaresTenReplicationsOfThreeDays() throws {
        let loaded = try ScenarioRun.load(path: Self.scenario)
        #expect(loaded.spec.sweep?.replications == 10)
        #expect(loaded.spec.duration.microseconds == 3 * 86_400 * 1_000_000)
    }
}
