import Foundation
import Testing

/// Output folders that cannot be written (docs/reliability.md): a clear error naming the path, exit code 1,
/// and never a folder or manifest that looks complete.
///
/// Tests run as root, where a read-only folder still accepts writes, so the failures are made
/// with a results path under a regular file (folder creation fails), a 64 KiB tmpfs (a real
/// disk full, ENOSPC; needs `mount`, else the file-size limit stands in), and a file-size limit
/// (`ulimit -f`, EFBIG) that works without privileges.
@Suite(.serialized) struct OutputFailureTests {
    @Test func resultsPathUnderARegularFile() throws {
        let folder = try ToolRun.temporaryFolder("file")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("not-a-folder")
        #expect(FileManager.default.createFile(atPath: file.path, contents: Data("x".utf8)))
        let out = file.appendingPathComponent("results")
        let run = try ToolRun.launch(Binaries.drsim, ["run", "--out", out.path, "--set", "duration=1d", "--quiet"], in: folder)
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("drsim: cannot write \(out.path): cannot create folder"), "stderr: \(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["not-a-folder"])
    }

    @Test func diskFullDuringTheRun() throws {
        let folder = try ToolRun.temporaryFolder("full")
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try ToolRun.launch(URL(fileURLWithPath: "/bin/mount"), ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.path],
                                       in: folder)
        guard mount.status == 0 else {
            // No mount privilege: the same check with a file-size limit (EFBIG instead of ENOSPC).
            try expectCleanWriteFailure(in: folder, out: disk.appendingPathComponent("results"), limitKiB: 64,
                                        message: "File too large")
            return
        }
        defer { _ = try? ToolRun.launch(URL(fileURLWithPath: "/bin/umount"), [disk.path], in: folder) }
        try expectCleanWriteFailure(in: folder, out: disk.appendingPathComponent("results"), limitKiB: nil,
                                    message: "No space left on device")
    }

    @Test func fileSizeLimitDuringTheRun() throws {
        let folder = try ToolRun.temporaryFolder("ulimit")
        defer { try? FileManager.default.removeItem(at: folder) }
        try expectCleanWriteFailure(in: folder, out: folder.appendingPathComponent("results"), limitKiB: 64,
                                    message: "File too large")
    }

    /// Runs the demo into `out` (under a file-size limit of `limitKiB` when given) and expects a
    /// write error naming a file of the run's temporary folder, exit 1, no final folder and an
    /// incomplete manifest.
    private func expectCleanWriteFailure(in folder: URL, out: URL, limitKiB: Int?, message: String) throws {
        let drsim = Binaries.drsim.path
        let arguments = ["run", "--out", out.path, "--set", "duration=3d", "--quiet"]
        let run: ToolRun
        if let limitKiB {
            // The shell ignores SIGXFSZ (inherited across exec) so writes fail with EFBIG instead.
            let script = "trap '' XFSZ; ulimit -f \(limitKiB); exec \"$0\" \"$@\""
            run = try ToolRun.launch(URL(fileURLWithPath: "/bin/sh"), ["-c", script, drsim] + arguments, in: folder)
        } else {
            run = try ToolRun.launch(Binaries.drsim, arguments, in: folder)
        }
        let state = RunFolderState(out: out, name: "demo")
        let partial = state.partialFolder(pid: run.pid)
        #expect(run.status == 1, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("drsim: cannot write \(partial.path)/"), "stderr: \(run.stderr)")
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(!state.finalExists)
        let manifest = try #require(RunFolderState.manifest(in: partial))
        #expect(manifest["completed"] as? Bool == false)
        #expect(state.completeManifests().isEmpty)
    }
}
