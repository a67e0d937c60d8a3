import ArgumentParser
import Experiments

extension DRSimCommand {
    /// `drsim columns`: the output column reference (the tables of docs/outputs.md).
    struct Columns: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print every output file's columns with their meaning (Markdown).")

        func run() throws {
            print(OutputColumns.markdown(), terminator: "")
        }
    }
}
