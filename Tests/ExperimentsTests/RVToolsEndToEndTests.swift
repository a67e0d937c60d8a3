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

    /// `drsim import rvtools FOLDER` finds the tabs by name and writes the same scenario as the
    /// `--vinfo/--vhost/--vcluster` form (only the header's list of what was read differs).
    @Test func folderFormMatchesSingleTabs() throws {
        let dir = TestPaths.scratch("rvtools")
        defer { try? FileManager.default.removeItem(at: dir) }
        let f = Self.fixtures.appendingPathComponent("rvtools4")
        let a = dir.appendingPathComponent("a.yaml").path, b = dir.appendingPathComponent("b.yaml").path
        let tabs = try TestPaths.drsim(["import", "rvtools", "--vinfo", f.appendingPathComponent("vInfo.csv").path,
                                        "--vhost", f.appendingPathComponent("vHost.csv").path,
                                        "--vcluster", f.appendingPathComponent("vCluster.csv").path, "--out", a, "--name", "x"])
        let folder = try TestPaths.drsim(["import", "rvtools", f.path, "--out", b, "--name", "x"])
        #expect(tabs.code == 0 && folder.code == 0, "\(tabs.err)\(folder.err)")
        #expect(folder.out.contains("  tabs absent: vCPU (no CPU reservations, limits or shares; CPU means from host usage)"))
        let body = { (path: String) throws -> String in
            try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().joined(separator: "\n")
        }
        #expect(try !body(a).isEmpty && body(a) == body(b))
        let both = try TestPaths.drsim(["import", "rvtools", f.path, "--vinfo", "x.csv", "--out", b])
        #expect(both.code == 2 && both.err.contains("not both"), "\(both.err)")
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
