import Experiments
import Foundation
import Testing

/// Every scenario in scenarios/ runs to completion with invariants checked (long ones shortened),
/// and its CSVs equal the golden outputs under `Golden/<scenario>/` (see `GoldenOutputs`).
@Suite struct ExampleScenarioTests {
    /// Durations that keep the suite fast; scenarios not listed run 1 day.
    static let shortened: [String: String] = ["fleet.yaml": "1h", "growth.yaml": "3d", "rolling-patch.yaml": "10h"]

    @Test(arguments: TestPaths.exampleScenarios)
    func scenarioRunsWithInvariantsChecked(file: String) throws {
        let out = TestPaths.scratch("example")
        defer { try? FileManager.default.removeItem(at: out) }
        var request = RunRequest(scenarioPath: TestPaths.scenario(file))
        request.outDir = out.path
        request.overrides = ["duration=\(Self.shortened[file] ?? "1d")"]
        request.checkInvariants = true
        request.options = RunOptions(threads: 2)
        let result = try ScenarioRun.run(request)
        let manifest = try String(contentsOfFile: result.folder + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains("\"completed\" : true"))
        #expect(result.summary.energyKWh > 0)
        try GoldenOutputs.check(folder: result.folder, name: String(file.dropLast(".yaml".count)))
    }

    @Test func embeddedDemoIsScenariosDemoYAML() throws {
        let file = try String(contentsOfFile: TestPaths.scenario("demo.yaml"), encoding: .utf8)
        #expect(DemoScenario.yaml == file, "run `make demo-sync` after editing scenarios/demo.yaml")
    }
}
