import ArgumentParser
import Experiments
import Foundation
import Scenarios

extension DRSimCommand {
    /// `drsim validate`: check a scenario and list every problem with file, key path and line.
    struct Validate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a scenario file; list every problem with its key path and line (exit 2 if any).")

        @Argument(help: "Scenario YAML file (omit for the built-in demo).")
        var scenario: String?
        @OptionGroup var set: OverrideOptions
        @OptionGroup var common: CommonOptions

        func run() throws {
            do {
                let report = try ScenarioRun.validate(path: scenario, overrides: set.overrides)
                if !common.quiet { print(TerminalText.escaped(report, keepingNewlines: true)) }
            } catch {
                throw Exit.fail(error)
            }
        }
    }
}
