import ArgumentParser
import Experiments
import Foundation

extension DRSimCommand {
    /// `drsim merge`: rebuild `sweep.csv` and `comparison.csv` from the folders of a sharded sweep.
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Rebuild sweep.csv and comparison.csv from the shard folders of a sweep (see `drsim sweep --shard`).")

        @Argument(help: "Sweep folders (<out>/<scenario name>, or a results folder holding one sweep).")
        var folders: [String]
        @Option(name: .long, help: "Write the tables to <out>/<scenario name>/ (default: into the first folder).")
        var out: String?
        @OptionGroup var common: CommonOptions

        func run() throws {
            Exit.ignoreFileSizeSignal()
            do {
                let result = try SweepMerge.merge(folders, outDir: out)
                if !common.quiet { print(SweepReport.text(result)) }
            } catch {
                throw Exit.fail(error)
            }
        }
    }
}
