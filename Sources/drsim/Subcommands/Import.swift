import ArgumentParser
import Experiments
import Foundation
import Inventory

extension DRSimCommand {
    /// `drsim import rvtools`: a scenario from an RVTools inventory export.
    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build scenarios from inventory exports.", subcommands: [RVTools.self])

        struct RVTools: ParsableCommand {
            static let configuration = CommandConfiguration(
                commandName: "rvtools",
                abstract: "Write a scenario from RVTools' vInfo and vHost CSV exports (docs/rvtools-import.md).")

            @Option(name: .long, help: "vInfo tab exported as CSV.") var vinfo: String
            @Option(name: .long, help: "vHost tab exported as CSV.") var vhost: String
            @Option(name: .long, help: "vCluster tab exported as CSV (optional: DRS/DPM/HA settings).") var vcluster: String?
            @Option(name: .long, help: "Scenario file to write.") var out: String
            @Option(name: .long, help: "Scenario name (default: the output file's base name).") var name: String?
            @OptionGroup var common: CommonOptions

            func run() throws {
                Exit.ignoreFileSizeSignal()
                do {
                    let result = try InventoryImport.run(vInfo: vinfo, vHost: vhost, vCluster: vcluster, out: out, name: name)
                    if !common.quiet { print(result) }
                } catch {
                    throw Exit.fail(error)
                }
            }
        }
    }
}
