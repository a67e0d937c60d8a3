import ArgumentParser
import Experiments

extension DRSimCommand {
    /// `drsim columns`: the output column reference (the tables of docs/outputs.md).
    struct Columns: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every output file's columns with their meaning (Markdown).")

        @OptionGroup var common: CommonOptions

        /// The tables are the command's output: `--quiet` (accepted like every subcommand's) keeps them.
        func run() throws {
            print(OutputColumns.markdown(), terminator: "")
        }
    }
}
