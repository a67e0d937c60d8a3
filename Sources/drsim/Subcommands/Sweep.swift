import ArgumentParser
import Experiments
import Foundation

extension DRSimCommand {
    /// `drsim sweep`: axes × replications of a scenario, in parallel, resumable, into
    /// `<out>/<scenario name>/` with `sweep.csv` and `comparison.csv` (docs/sweeps.md).
    struct Sweep: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a scenario over sweep axes × replications and compare the configurations.",
            discussion: """
            Axes come from the scenario's `sweep:` block and from `--set PATH=V1,V2,...`; a `--set` with one \
            value is a plain override. Replication k uses seed + k in every configuration (common random \
            numbers). A rerun skips the runs already complete. See docs/sweeps.md.
            """)

        @Argument(help: "Scenario YAML file.")
        var scenario: String
        @Option(name: .customLong("set"), help: ArgumentHelp(
            "Override a key (PATH=VALUE) or add an axis (PATH=V1,V2,...), e.g. drs.threshold=1,2,3,4,5.",
            valueName: "PATH=VALUE[,VALUE...]"))
        var settings: [String] = []
        @Option(name: .long, help: ArgumentHelp(
            "The baseline configuration of the paired comparisons (replaces sweep.baseline), e.g. drs.threshold=3,dpm.enabled=false.",
            valueName: "PATH=VALUE[,PATH=VALUE...]"))
        var baseline: [String] = []
        @Option(name: .long, help: "Replications per configuration (replaces sweep.replications).")
        var replications: Int?
        @Option(name: .long, help: "Runs executed at once (default: all cores). Outputs do not depend on it.")
        var jobs: Int?
        @Option(name: .long, help: "Results folder; the sweep goes to <out>/<scenario name>/.")
        var out = "results"
        @Option(name: .long, help: ArgumentHelp(
            "Run only shard i of N (a deterministic slice of the runs); combine the shards with `drsim merge`.",
            valueName: "i/N"))
        var shard: String?
        @Option(name: .customLong("emit-slurm"), help: ArgumentHelp(
            "Print a Slurm submit script that runs the sweep as an N-task job array and merges it; run nothing.",
            valueName: "N"))
        var emitSlurm: Int?
        @Flag(name: .long, help: "Check model invariants after every event (slow); stop on the first violation.")
        var checkInvariants = false
        @OptionGroup var common: CommonOptions

        func run() throws {
            let trap = SignalTrap()
            let progress = ProgressLine(quiet: common.quiet)
            var request = SweepRequest(scenarioPath: scenario)
            request.outDir = out
            request.settings = settings
            request.replications = replications
            request.baseline = baseline
            request.checkInvariants = checkInvariants
            request.cancellation = trap.flag
            request.progress = { p in progress.show(Self.progressText(p)) }
            do {
                if let jobs { request.jobs = jobs }
                if let shard { request.shard = try ShardSpec.parse(shard) }
                if let emitSlurm {
                    guard shard == nil else { throw InputError("--shard and --emit-slurm do not go together: the script runs every shard") }
                    let script = try SweepRunner.slurmScript(request, shards: emitSlurm, cpusPerTask: jobs ?? 1,
                                                             drsimPath: Self.executablePath)
                    print(script.text, terminator: "")
                    return
                }
                let result = try SweepRunner.run(request)
                progress.finish()
                if !common.quiet { print(SweepReport.text(result)) }
            } catch is RunCancelled {
                progress.finish()
                Exit.stderr("drsim: sweep interrupted; completed runs are kept, run the same command again to resume")
                throw ExitCode(trap.exitCode)
            } catch {
                progress.finish()
                throw Exit.fail(error, signals: trap)
            }
        }

        static func progressText(_ p: SweepProgress) -> String {
            var text = "  sweep: \(p.done)/\(p.total) runs"
            if p.skipped > 0 { text += " (\(p.skipped) already done)" }
            if let eta = p.etaSeconds { text += ", ETA \(SweepReport.duration(eta))" }
            return text
        }

        /// This binary's absolute path (for the Slurm script).
        static var executablePath: String {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        }
    }
}
