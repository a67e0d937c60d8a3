import Foundation
import Testing

/// SIGINT and SIGTERM during `drsim run` (docs/reliability.md): the run stops within seconds, flushes what
/// it wrote, marks its manifest incomplete and exits 130 / 143; no folder looks complete.
@Suite(.serialized) struct InterruptionTests {
    struct Interrupt: Sendable, CustomStringConvertible {
        var signal: Int32
        var exitCode: Int32
        var name: String
        var description: String { name }
    }

    @Test(arguments: [Interrupt(signal: SIGINT, exitCode: 130, name: "SIGINT"),
                      Interrupt(signal: SIGTERM, exitCode: 143, name: "SIGTERM")])
    func signalStopsTheRunCleanly(_ interrupt: Interrupt) throws {
        let folder = try ToolRun.temporaryFolder("signal")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("results")
        let state = RunFolderState(out: out, name: "demo")
        // Ten simulated years of the demo: minutes of work in a debug build. The signal goes once
        // the run's temporary folder holds its manifest (the trap is set by then), plus 1 s.
        let run = try ToolRun.launch(Binaries.drsim, ["run", "--out", out.path, "--set", "duration=3650d", "--quiet"],
                                     in: folder, signal: interrupt.signal,
                                     when: { RunFolderState.manifest(in: state.partialFolder(pid: $0)) != nil }, settle: 1)
        #expect(!run.killedBySignal, "drsim died of the signal instead of stopping cleanly")
        #expect(run.status == interrupt.exitCode, "stderr: \(run.stderr)")
        #expect(run.stderr.contains("interrupted; the partial run is kept, marked incomplete, in "
                                    + state.partialFolder(pid: run.pid).path), "stderr: \(run.stderr)")
        #expect(run.secondsAfterSignal < 20, "took \(run.secondsAfterSignal) s to stop")

        #expect(!state.finalExists, "an interrupted run left \(state.finalFolder.path)")
        let partial = state.partialFolder(pid: run.pid)
        let manifest = try #require(RunFolderState.manifest(in: partial), "no manifest in \(partial.path)")
        #expect(manifest["completed"] as? Bool == false)
        #expect(manifest["error"] as? String == "interrupted")
        #expect(state.completeManifests().isEmpty)

        // Flushed: the timeseries part holds whole rows, every one with the same number of cells.
        let part = try String(contentsOf: partial.appendingPathComponent(".timeseries.part-0"), encoding: .utf8)
        #expect(!part.isEmpty)
        #expect(part.hasSuffix("\n"))
        let widths = Set(part.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).count })
        #expect(widths.count == 1, "rows of different widths: \(widths.sorted())")
    }
}
