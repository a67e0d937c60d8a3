import Experiments
import Foundation
import Testing

/// `drsim import rvtools` on the RVTools fixtures (3 clusters, 25+ hosts, 300+ VMs): the scenario
/// it writes validates and runs unchanged; a broken export is a clear error with exit code 2.
@Suite struct RVToolsEndToEndTests {
    static let fixtures = TestPaths.repo.appendingPathComponent("Tests/InventoryTests/Fixtures")

    @Test(arguments: ["rvtools4", "rvtools3"])
    func importedScenarioValidatesAndRuns(layout: String) throws {
        let dir = TestPaths.scratch("rvtools")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("estate.yaml").path
        let f = Self.fixtures.appendingPathComponent(layout)
        let imported = try TestPaths.drsim(["import", "rvtools", "--vinfo", f.appendingPathComponent("vInfo.csv").path,
                                            "--vhost", f.appendingPathComponent("vHost.csv").path,
                                            "--vcluster", f.appendingPathComponent("vCluster.csv").path, "--out", out])
        #expect(imported.code == 0, "\(imported.err)")
        #expect(imported.out.contains("3 clusters") && imported.out.contains("312 VMs"), "\(imported.out)")
        let validated = try TestPaths.drsim(["validate", out])
        #expect(validated.code == 0 && validated.out.contains("ok: estate: 3 clusters, 25 hosts, 312 VMs"), "\(validated.out)\(validated.err)")
        var request = RunRequest(scenarioPath: out)
        request.outDir = dir.appendingPathComponent("results").path
        request.overrides = ["duration=1d"]
        request.checkInvariants = true
        let result = try ScenarioRun.run(request)
        #expect(result.summary.energyKWh > 0 && result.summary.failedAdmissions == 0)
    }

    @Test func brokenExportNamesFileRowAndColumn() throws {
        let dir = TestPaths.scratch("rvtools")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try TestPaths.drsim(["import", "rvtools",
                                     "--vinfo", Self.fixtures.appendingPathComponent("broken/vInfo_bad_cpus.csv").path,
                                     "--vhost", Self.fixtures.appendingPathComponent("rvtools4/vHost.csv").path,
                                     "--out", dir.appendingPathComponent("x.yaml").path])
        #expect(r.code == 2)
        #expect(r.err.contains("vInfo_bad_cpus.csv, row 7, column 'CPUs'"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.yaml").path))
    }
}
