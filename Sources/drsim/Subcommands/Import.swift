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
                abstract: "Write a scenario from an RVTools export: the .xlsx workbook, a folder of CSV files, "
                    + "or single CSV tabs (docs/rvtools-import.md).")

            @Argument(help: "RVTools export: an .xlsx workbook (Export all to Excel) or a folder of CSV files (Export all to CSV).")
            var export: String?
            @Option(name: .long, help: "vInfo tab exported as CSV (instead of EXPORT).") var vinfo: String?
            @Option(name: .long, help: "vHost tab exported as CSV (instead of EXPORT).") var vhost: String?
            @Option(name: .long, help: "vCluster tab exported as CSV (optional: DRS/DPM/HA settings).") var vcluster: String?
            @Option(name: .long, help: "Scenario file to write.") var out: String
            @Option(name: .long, help: "Scenario name (default: the output file's base name).") var name: String?
            @Flag(name: .customLong("no-variability"),
                  help: "Leave out the default workload noise (every replication is then identical).")
            var noVariability = false
            @OptionGroup var common: CommonOptions

            func run() throws {
                Exit.ignoreFileSizeSignal()
                var request = InventoryImport.Request(out: out)
                request.export = export
                request.vInfo = vinfo
                request.vHost = vhost
                request.vCluster = vcluster
                request.name = name
                request.variability = !noVariability
                do {
                    let result = try InventoryImport.run(request)
                    if !common.quiet { print(result) }
                } catch {
                    throw Exit.fail(error)
                }
            }
        }
    }
}
