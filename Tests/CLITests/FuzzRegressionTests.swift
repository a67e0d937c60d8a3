import Foundation
import Testing

/// Inputs kept in `FuzzRegressions/` (crashes `make fuzz` found, and hostile inputs of every
/// class the readers must refuse) replay through the fuzz harness without crashing.
@Suite struct FuzzRegressionTests {
    static let folder = Binaries.packageRoot.appendingPathComponent("Tests/CLITests/FuzzRegressions")
    static let inputs: [String] = {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }()

    @Test func everyReaderHasRegressionInputs() {
        // The first byte selects the reader: 0 scenario, 1 CSV, 2 PlanetLab, 3 RVTools.
        let selectors = Set(Self.inputs.compactMap { name in
            FileManager.default.contents(atPath: Self.folder.appendingPathComponent(name).path)?.first.map { $0 % 4 }
        })
        #expect(selectors == [0, 1, 2, 3])
    }

    @Test(arguments: inputs)
    func replaysWithoutCrashing(_ name: String) throws {
        let path = Self.folder.appendingPathComponent(name).path
        let run = try ToolRun.launch(Binaries.fuzzReplay, [path], in: Self.folder)
        #expect(!run.killedBySignal && run.status == 0, "\(name): status \(run.status)\n\(run.stderr)")
        #expect(run.stdout.hasPrefix("ok "))
    }
}
