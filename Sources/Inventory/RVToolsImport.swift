import Foundation

/// Imports an RVTools inventory (the CSV exports of its vInfo, vHost and optional vCluster tabs)
/// as a drsim scenario: `drsim import rvtools --vinfo vInfo.csv --vhost vHost.csv
/// [--vcluster vCluster.csv] --out scenario.yaml`.
///
/// The scenario keeps the real cluster, host and VM names, groups identical hosts into host
/// profiles (CPU generation from the model string, estimated linear power model) and similar
/// VMs into VM profiles whose CPU mean is the observed usage, with a default diurnal shape.
/// Templates and VMs that are not powered on are skipped and counted. The rules and the
/// accepted column names are in docs/rvtools-import.md.
public struct RVToolsImport {
    /// Reads the exports and returns the scenario text and the counts. A file that cannot be
    /// read, lacks a required column or holds a bad value throws an ``InventoryError`` naming
    /// the file, the row and the column.
    public static func run(vInfo: URL, vHost: URL, vCluster: URL?, scenarioName: String) throws -> RVToolsImportResult {
        var warnings: [String] = []
        let hosts = try HostRecord.read(vHost, warnings: &warnings)
        let vms = try VMRecord.read(vInfo, warnings: &warnings)
        let clusters = try vCluster.map { try ClusterRecord.read($0) } ?? []
        var planner = InventoryPlanner(hosts: hosts, vms: vms, clusterSettings: clusters, warnings: warnings)
        let plan = planner.plan()
        let sources = [vInfo, vHost] + (vCluster.map { [$0] } ?? [])
        let yaml = ScenarioYAMLWriter(plan: plan, scenarioName: scenarioName, sources: sources.map(\.lastPathComponent)).write()
        return RVToolsImportResult(yaml: yaml, clustersImported: plan.clusters.count, hostsImported: plan.hostsImported,
                                   vmsImported: plan.vmsImported, templatesSkipped: plan.templatesSkipped,
                                   poweredOffSkipped: plan.poweredOffSkipped, warnings: plan.warnings)
    }
}
