import Foundation
import Testing

/// Issue 17, the red-team pass, end to end through the built `drsim`: each case lost a user's
/// file, echoed a secret, crashed or ignored a signal before its fix.
@Suite(.serialized) struct HardeningTests {
    /// Item 1: `drsim run` moved aside and deleted whatever was at `<out>/<scenario name>`.
    @Test func runRefusesToReplaceAFolderItDidNotWrite() throws {
        let folder = try ToolRun.temporaryFolder("keep")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("results")
        let mine = out.appendingPathComponent("demo")
        try FileManager.default.createDirectory(at: mine, withIntermediateDirectories: true)
        let thesis = mine.appendingPathComponent("thesis.txt")
        try Data("four years of work".utf8).write(to: thesis)
        let run = try ToolRun.launch(Binaries.drsim, ["run", "--out", out.path, "--set", "duration=1d", "--quiet"], in: folder)
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("drsim did not write"), "stderr: \(run.stderr)")
        #expect(FileManager.default.contents(atPath: thesis.path) == Data("four years of work".utf8))

        // A file of that name is kept too; an earlier run folder is replaced as before.
        try FileManager.default.removeItem(at: mine)
        try Data("notes".utf8).write(to: mine)
        let onFile = try ToolRun.launch(Binaries.drsim, ["run", "--out", out.path, "--set", "duration=1d", "--quiet"], in: folder)
        #expect(onFile.status == 2, "stderr: \(onFile.stderr)")
        #expect(FileManager.default.contents(atPath: mine.path) == Data("notes".utf8))
        try FileManager.default.removeItem(at: mine)
        for attempt in 1...2 {
            let again = try ToolRun.launch(Binaries.drsim, ["run", "--out", out.path, "--set", "duration=1d", "--quiet"], in: folder)
            #expect(again.status == 0, "attempt \(attempt), stderr: \(again.stderr)")
        }
    }

    /// Item 1, sweeps: a sweep wrote into (and could delete run folders of) a folder it did not write.
    @Test func sweepRefusesAFolderItDidNotWrite() throws {
        let folder = try ToolRun.temporaryFolder("keep-sweep")
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = Binaries.packageRoot.appendingPathComponent("scenarios/demo.yaml").path
        let target = folder.appendingPathComponent("results/demo")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: target.appendingPathComponent("data.csv"))
        let run = try ToolRun.launch(Binaries.drsim, ["sweep", scenario, "--out", folder.appendingPathComponent("results").path,
                                                      "--set", "duration=1d", "--quiet"], in: folder)
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.path) == ["data.csv"])
    }

    /// Item 5: `trace.path: /proc/self/environ` printed the whole environment and exited 1.
    @Test func aMalformedTraceIsBadInputWithAShortExcerpt() throws {
        let folder = try ToolRun.temporaryFolder("trace")
        defer { try? FileManager.default.removeItem(at: folder) }
        let secret = "DRSIM_TEST_SECRET=" + String(repeating: "s3cr3t", count: 20)
        let trace = folder.appendingPathComponent("secret.csv")
        try Data((secret + ",\u{1B}[2J\nmore\n").utf8).write(to: trace)
        let overrides = ["--set", "vm_profiles.web.workload.trace={format: csv, path: \(trace.path)}",
                         "--set", "vm_profiles.web.workload.cpu=null", "--set", "duration=1d"]
        let scenario = Binaries.packageRoot.appendingPathComponent("scenarios/demo.yaml").path
        let commands = [["validate", scenario], ["run", scenario, "--out", folder.appendingPathComponent("r").path]]
        for arguments in commands {
            let command = arguments[0]
            let run = try ToolRun.launch(Binaries.drsim, arguments + overrides + ["--quiet"], in: folder)
            #expect(run.status == 2, "\(command): \(run.stderr)")
            #expect(run.stderr.contains("missing column time_s"), "\(command): \(run.stderr)")
            #expect(!run.stderr.contains(String(repeating: "s3cr3t", count: 5)), "\(command): \(run.stderr)")
            #expect(!run.stderr.contains("\u{1B}"), "\(command): \(run.stderr)")
        }
    }

    /// Item 9: under `ulimit -f` (SIGXFSZ not ignored by the shell) drsim was killed by the signal
    /// instead of exiting 1 with the file named.
    @Test func fileSizeLimitIsAnExitCodeNotASignal() throws {
        let folder = try ToolRun.temporaryFolder("xfsz")
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = "ulimit -f 64; exec \"$0\" \"$@\""
        let run = try ToolRun.launch(URL(fileURLWithPath: "/bin/sh"),
                                     ["-c", script, Binaries.drsim.path, "run", "--out", folder.appendingPathComponent("r").path,
                                      "--set", "duration=3d", "--quiet"], in: folder)
        #expect(!run.killedBySignal, "stderr: \(run.stderr)")
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("File too large"), "stderr: \(run.stderr)")
    }

    /// Item 17: `drsim columns --quiet` was an unknown option.
    @Test func columnsTakesQuiet() throws {
        let folder = try ToolRun.temporaryFolder("columns")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ToolRun.launch(Binaries.drsim, ["columns", "--quiet"], in: folder)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("| `energy_kwh` |") || run.stdout.contains("energy_kwh"))
    }

    /// Item 17: `run --jobs 0` was accepted (sweep refused it).
    @Test func runRefusesZeroJobs() throws {
        let folder = try ToolRun.temporaryFolder("jobs")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ToolRun.launch(Binaries.drsim, ["run", "--jobs", "0", "--out", folder.path, "--quiet"], in: folder)
        #expect(run.status == 2, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("--jobs must be at least 1 (got 0)"), "stderr: \(run.stderr)")
    }

    /// Item 9: the final merge opened every cluster's part file at once, so more clusters than
    /// `ulimit -n` failed at the very end of the run.
    @Test func manyClustersMergeUnderALowOpenFileLimit() throws {
        let folder = try ToolRun.temporaryFolder("nofile")
        defer { try? FileManager.default.removeItem(at: folder) }
        var yaml = """
        schema_version: 1
        name: many
        duration: 1h
        host_profiles:
          - {name: h, cpu: {sockets: 1, cores_per_socket: 4, mhz: 2000}, memory_gb: 64, power: {model: linear, idle_w: 100, max_w: 200}}
        vm_profiles:
          - {name: v, vcpus: 1, memory_gb: 2}
        clusters:

        """
        for c in 1...300 { yaml += "  - {name: c\(c), hosts: [{profile: h, count: 1}], vms: [{profile: v, name: v\(c), count: 1}]}\n" }
        let scenario = folder.appendingPathComponent("many.yaml")
        try Data(yaml.utf8).write(to: scenario)
        let script = "ulimit -n 200; exec \"$0\" \"$@\""
        let run = try ToolRun.launch(URL(fileURLWithPath: "/bin/sh"),
                                     ["-c", script, Binaries.drsim.path, "run", scenario.path, "--out",
                                      folder.appendingPathComponent("r").path, "--jobs", "2", "--quiet"], in: folder)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        let timeseries = try String(contentsOf: folder.appendingPathComponent("r/many/timeseries.csv"), encoding: .utf8)
        let rows = timeseries.split(separator: "\n").dropFirst()
        #expect(rows.count == 300 * 12, "rows: \(rows.count)")   // 300 clusters × 12 five-minute samples
        #expect(rows.first?.contains(",c1,") == true && rows.dropFirst().first?.contains(",c2,") == true)
    }

    /// Item 8: the flag was polled between 6-hour chunks only, so a run with a dense event
    /// schedule (`drs.period=1us` then; 1 s, the shortest period now accepted, here) went on
    /// long after SIGTERM. Chunks now adapt to wall time.
    @Test func aDenseRunStopsSoonAfterSIGTERM() throws {
        let folder = try ToolRun.temporaryFolder("dense")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("results")
        let state = RunFolderState(out: out, name: "demo")
        let run = try ToolRun.launch(Binaries.drsim, ["run", "--out", out.path, "--set", "drs.period=1s", "--set", "sample_interval=1s",
                                                      "--set", "duration=30d", "--jobs", "1", "--quiet"],
                                     in: folder, signal: SIGTERM,
                                     when: { RunFolderState.manifest(in: state.partialFolder(pid: $0)) != nil }, settle: 1)
        #expect(!run.killedBySignal)
        #expect(run.status == 143, "stderr: \(run.stderr)")
        // Before the fix it ran on for the rest of a 6-hour chunk (minutes of wall time); the bound
        // leaves room for a loaded machine while the suite runs in parallel.
        #expect(run.secondsAfterSignal < 10, "took \(run.secondsAfterSignal) s to stop")
    }

    /// Item 17: `validate` said "ok" for a cluster whose VMs cannot all power on and for a
    /// `min_hosts_on` above the cluster's hosts.
    @Test func validateWarnsAboutCapacityAndMinHostsOn() throws {
        let folder = try ToolRun.temporaryFolder("warn")
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try ToolRun.launch(Binaries.drsim, ["validate", "--set", "host_profiles.r650.memory_gb=64",
                                                      "--set", "dpm.min_hosts_on=20"], in: folder)
        #expect(run.status == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("warning: cluster 'prod-a': its 120 VMs configure 2304 GB of memory, its 8 hosts have "
                                    + "512 GB: not every VM can power on"), "stdout: \(run.stdout)")
        #expect(run.stdout.contains("dpm.min_hosts_on (20) exceeds its 8 hosts"), "stdout: \(run.stdout)")
    }
}

