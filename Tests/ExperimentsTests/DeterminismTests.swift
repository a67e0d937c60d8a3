import Experiments
import Foundation
import Testing

/// Same scenario and seed ⇒ byte-identical CSVs, whatever the thread count; another seed ⇒ different.
@Suite struct DeterminismTests {
    static let csvs = ["timeseries.csv", "migrations.csv", "drs_passes.csv", "power_events.csv",
                       "maintenance.csv", "outages.csv", "summary.csv"]

    func run(_ scenario: String?, seed: UInt64? = nil, threads: Int, duration: String = "2d") throws -> URL {
        let out = TestPaths.scratch("det")
        var request = RunRequest(scenarioPath: scenario)
        request.outDir = out.path
        request.seed = seed
        request.overrides = ["duration=\(duration)"]
        request.options = RunOptions(threads: threads)
        return URL(fileURLWithPath: try ScenarioRun.run(request).folder)
    }

    func contents(_ folder: URL, _ file: String) throws -> Data {
        try Data(contentsOf: folder.appendingPathComponent(file))
    }

    @Test func sameSeedGivesByteIdenticalCSVs() throws {
        let a = try run(nil, threads: 1), b = try run(nil, threads: 1)
        for f in Self.csvs { #expect(try contents(a, f) == contents(b, f), "\(f) differs") }
        let resolvedA = try contents(a, "scenario.resolved.yaml"), resolvedB = try contents(b, "scenario.resolved.yaml")
        #expect(resolvedA == resolvedB)
    }

    @Test func anotherSeedGivesDifferentDemand() throws {
        let a = try run(nil, threads: 1), b = try run(nil, seed: 43, threads: 1)
        #expect(try contents(a, "timeseries.csv") != contents(b, "timeseries.csv"))
    }

    @Test func outputDoesNotDependOnThreads() throws {
        let path = TestPaths.scenario("mixed-workloads.yaml")
        let a = try run(path, threads: 1), b = try run(path, threads: 2)
        for f in Self.csvs { #expect(try contents(a, f) == contents(b, f), "\(f) differs between 1 and 2 threads") }
    }
}
