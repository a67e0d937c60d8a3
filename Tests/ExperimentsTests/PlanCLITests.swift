import Foundation
import Testing

/// `drsim plan` through the binary: files written, console table, exit codes.
@Suite struct PlanCLITests {
    @Test func sizeWritesItsTablesAndPrintsTheComparison() throws {
        let (path, folder) = try PlanningFixture.write(PlanningFixture.yaml(vms: 30, hosts: 2), label: "plan-cli")
        let r = try TestPaths.drsim(["plan", "size", path, "--cluster", "c1", "--host-profile", "small", "--host-profile", "big",
                                     "--slo", "cpu_unmet_pct<=1", "--replications", "1", "--sample-days", "1", "--out", folder.path])
        #expect(r.code == 0, "\(r.err)")
        // 60,000 MHz of demand: 2 hosts of 40,000 MHz, 1 of 80,000.
        #expect(r.out.contains("small         2"))
        #expect(r.out.contains("big           1"))
        for file in ["size.csv", "size_profiles.csv"] {
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("size/flat/\(file)").path), "\(file)")
        }
    }

    @Test(arguments: [
        (["plan", "runway", "SCENARIO"], "give at least one --slo"),
        (["plan", "runway", "SCENARIO", "--slo", "cpu_unmet_pct<=1", "--slo-window", "worst_week"], "--slo-window"),
        (["plan", "runway", "SCENARIO", "--slo", "cpu_unmet_pct>=1"], "bounded with <="),
        (["plan", "runway", "SCENARIO", "--slo", "cpu_unmet_pct<=1", "--set", "drs.threshold=2,3"], "single values"),
        (["plan", "size", "SCENARIO", "--cluster", "nope", "--host-profile", "small", "--slo", "n_plus_1"], "no such cluster"),
        (["plan", "size", "SCENARIO", "--cluster", "c1", "--host-profile", "huge", "--slo", "n_plus_1"], "no such host profile"),
    ])
    func badInputExitsWithCode2(arguments: [String], message: String) throws {
        let (path, folder) = try PlanningFixture.write(PlanningFixture.yaml(vms: 4, hosts: 2), label: "plan-cli-bad")
        let r = try TestPaths.drsim(arguments.map { $0 == "SCENARIO" ? path : $0 } + ["--out", folder.path, "--quiet"])
        #expect(r.code == 2)
        #expect(r.err.contains(message), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("runway").path))
    }
}
