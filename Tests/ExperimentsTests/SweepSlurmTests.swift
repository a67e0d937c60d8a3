import Foundation
import Testing
@testable import Experiments

/// The Slurm submit script of `drsim sweep --emit-slurm`.
@Suite struct SweepSlurmTests {
    @Test func scriptSubmitsAnArrayOfShardsAndAMergeThatWaitsForIt() throws {
        let scenario = try SweepFixture.scenarioFile("slurm")
        let out = SweepFixture.folder("slurm-out")
        var request = SweepFixture.request(scenario, out: out, settings: ["drs.threshold=3,4", "name=it's tiny"])
        request.replications = 3
        let script = try SweepRunner.slurmScript(request, shards: 3, cpusPerTask: 2, drsimPath: "/opt/drsim/bin/drsim")
        let text = script.text
        #expect(text.hasPrefix("#!/usr/bin/env bash\n"))
        #expect(text.contains("--array=1-3"))
        #expect(text.contains("--cpus-per-task=2"))
        #expect(text.contains(#"--shard "$SLURM_ARRAY_TASK_ID/3""#))
        #expect(text.contains("'--replications' '3'"))
        #expect(text.contains(#"'name=it'\''s tiny'"#))
        #expect(text.contains(#"--dependency="afterok:$array_job""#))
        #expect(text.contains("merge"))
        #expect(text.contains("it's tiny: 2 configurations × 3 replications = 6 runs"))
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty, "nothing was run")
        #expect(throws: InputError.self) { try SweepRunner.slurmScript(request, shards: 7, cpusPerTask: 1, drsimPath: "drsim") }

        // The script is valid bash (parsed, not run).
        let file = out.appendingPathComponent("submit.sh")
        try text.write(to: file, atomically: true, encoding: .utf8)
        let bash = Process()
        bash.executableURL = URL(fileURLWithPath: "/bin/bash")
        bash.arguments = ["-n", file.path]
        try bash.run()
        bash.waitUntilExit()
        #expect(bash.terminationStatus == 0)
    }

    @Test func shellQuoting() {
        #expect(SlurmScript.quoted("plain") == "'plain'")
        #expect(SlurmScript.quoted("a b'c") == #"'a b'\''c'"#)
        #expect(SlurmScript.quoted("$HOME") == "'$HOME'")
    }

    /// Issue 17 item 3: a newline in `--out` or a `--set` value ended a comment line or the job's
    /// heredoc of the script, and what followed ran on the login node.
    @Test func controlCharactersCannotReachTheScript() throws {
        let scenario = try SweepFixture.scenarioFile("slurm-injection")
        let out = SweepFixture.folder("slurm-injection-out")
        let hostile: [(String, [String])] = [
            (out.path + "\ntouch /tmp/pwned", ["drs.threshold=3,4"]),
            (out.path, ["drs.threshold=3,4", "name=x\nJOB\ntouch /tmp/pwned"]),
            (out.path, ["drs.threshold=3,4", "seed=1\r"]),
        ]
        for (outDir, settings) in hostile {
            var request = SweepFixture.request(scenario, out: URL(fileURLWithPath: outDir), settings: settings)
            request.replications = 2
            let error = #expect(throws: InputError.self) {
                try SweepRunner.slurmScript(request, shards: 2, cpusPerTask: 1, drsimPath: "/opt/drsim")
            }
            #expect(error?.description.contains("contains a control character") == true, "\(String(describing: error))")
        }
        var request = SweepFixture.request(scenario, out: out, settings: ["drs.threshold=3,4"])
        request.replications = 2
        let text = try SweepRunner.slurmScript(request, shards: 2, cpusPerTask: 1, drsimPath: "/opt/drsim").text
        #expect(!text.contains("<<'JOB'"))
        #expect(text.components(separatedBy: "\n\(SlurmScript.heredocEnd)\n").count == 3)
    }
}

