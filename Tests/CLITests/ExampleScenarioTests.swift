import Foundation
import Testing

/// Every example scenario in `scenarios/` runs to completion under `--check-invariants`.
@Suite struct ExampleScenarioTests {
    static let examples: [String] = {
        let folder = Binaries.packageRoot.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test func thereAreExamples() {
        #expect(Self.examples.contains("demo.yaml"))
    }

    @Test(arguments: examples)
    func exampleRunsWithInvariantChecks(_ name: String) throws {
        let folder = try ToolRun.temporaryFolder("example")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = Binaries.packageRoot.appendingPathComponent("scenarios").appendingPathComponent(name)
        let run = try ToolRun.launch(Binaries.drsim, ["run", scenario.path, "--check-invariants", "--out", folder.path, "--quiet"],
                                     in: Binaries.packageRoot.appendingPathComponent("scenarios"))
        #expect(run.status == 0, "\(name): \(run.stderr)")
        let manifests = RunFolderState(out: folder, name: "").completeManifests()
        #expect(manifests.count == 1, "\(name): complete manifests \(manifests)")
    }
}
