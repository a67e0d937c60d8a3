import ArgumentParser
import Experiments
import Foundation

extension DRSimCommand {
    /// `drsim run`: one scenario (or the built-in demo) into `<out>/<scenario name>/`.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run a scenario (default: the built-in demo) and write its CSVs.")

        @Argument(help: "Scenario YAML file. Omit it to run the built-in demo (scenarios/demo.yaml).")
        var scenario: String?
        @Option(name: .long, help: "Results folder; the run goes to <out>/<scenario name>/.")
        var out = "results"
        @Option(name: .long, help: "Master seed (replaces the scenario's).")
        var seed: UInt64?
        @Option(name: .long, help: "Clusters simulated in parallel (default: all cores). Outputs do not depend on it.")
        var jobs: Int?
        @Flag(name: .long, help: "Check model invariants after every event (slow); stop with a report on the first violation.")
        var checkInvariants = false
        @OptionGroup var set: OverrideOptions
        @OptionGroup var common: CommonOptions

        func run() throws {
            let trap = SignalTrap()
            let progress = ProgressLine(quiet: common.quiet)
            var request = RunRequest(scenarioPath: scenario)
            request.outDir = out
            request.seed = seed
            request.overrides = set.overrides
            request.checkInvariants = checkInvariants
            request.options = RunOptions(
                threads: jobs ?? ProcessInfo.processInfo.activeProcessorCount,
                progress: { done, total in
                    progress.show(String(format: "  simulated %.1f of %.1f cluster-days (%.0f days/s)",
                                         done / 86_400, total / 86_400, done / 86_400 / max(progress.elapsed, 1e-3)))
                },
                cancellation: trap.flag)
            do {
                if let jobs, jobs < 1 { throw InputError("--jobs must be at least 1 (got \(jobs))") }
                let result = try ScenarioRun.run(request)
                progress.finish()
                if !common.quiet { print(RunReport.text(result)) }
            } catch {
                progress.finish()
                throw Exit.fail(error, signals: trap)
            }
        }
    }
}
