import Foundation
import Testing

/// An absurd size given on the command line is refused before anything is allocated: a demand
/// window of a century at a 1 s sample interval once crashed `drsim run` on allocation.
@Suite struct AbsurdSizeTests {
    @Test func centuryDemandWindowIsRefusedWithExitCode2() throws {
        let folder = try ToolRun.temporaryFolder("absurd")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("results")
        let run = try ToolRun.launch(Binaries.drsim, ["run", "--out", out.path, "--set", "sample_interval=1s",
                                                      "--set", "drs.demand_window=36000d", "--quiet"], in: folder)
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("drs.demand_window (36000d) at sample_interval 1s keeps 3,110,400,000 samples"),
                "stderr: \(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
