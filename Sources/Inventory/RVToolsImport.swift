import Foundation

/// Imports an RVTools inventory as a drsim scenario: `drsim import rvtools EXPORT --out
/// scenario.yaml`, where EXPORT is the `.xlsx` workbook of "Export all to Excel" or a folder of
/// "Export all to CSV" files; `--vinfo/--vhost/--vcluster` name single CSV tabs.
///
/// Tabs read (each optional one skipped with a note when absent): vInfo and vHost (required),
/// vCluster (HA/DRS/DPM settings), vCPU and vMemory (reservations, limits, shares, usage),
/// vDatastore (which hosts mount what), vNetwork (port groups per VM), vMetaData (export date →
/// `start`). The scenario keeps the real cluster, host and VM names, groups identical hosts into
/// host profiles and similar VMs (vCPUs, memory, resource controls, CPU usage band) into VM
/// profiles whose means are the observed usage, with documented default variability. Templates
/// and VMs that are not powered on are skipped and counted. docs/rvtools-import.md has the rules.
public struct RVToolsImport {
    /// What the import writes besides the inventory.
    public struct Options: Sendable {
        public var scenarioName: String
        /// Add the default workload noise so that replications differ (`--no-variability`: off).
        public var variability: Bool

        public init(scenarioName: String, variability: Bool = true) {
            self.scenarioName = scenarioName
            self.variability = variability
        }
    }

    /// Reads the CSV exports of single tabs (the form of `--vinfo/--vhost/--vcluster`).
    public static func run(vInfo: URL, vHost: URL, vCluster: URL?, scenarioName: String,
                           variability: Bool = true) throws -> RVToolsImportResult {
        var files = ["vInfo": vInfo, "vHost": vHost]
        if let vCluster { files["vCluster"] = vCluster }
        return try run(.files(files), options: Options(scenarioName: scenarioName, variability: variability))
    }

    /// Reads `export` and returns the scenario text, the counts and the summary. A tab that
    /// cannot be read, lacks a required column or holds a bad value throws an ``InventoryError``
    /// naming the file (and sheet), the row and the column.
    public static func run(_ export: RVToolsExport, options: Options) throws -> RVToolsImportResult {
        let reader = try export.open()
        var warnings: [String] = []
        var summary: [String] = []
        var read: [String] = []
        var absent: [String] = []
        func note(_ tab: String, _ sheet: RVToolsSheet?, ifAbsent consequence: String) {
            if let sheet { read.append("\(tab) (\(sheet.rowCount))") } else { absent.append("\(tab) (\(consequence))") }
        }
        let vHost = try reader.requiredSheet("vHost", columns: HostRecord.Columns.all)
        let hosts = try HostRecord.read(vHost, warnings: &warnings)
        let vInfo = try reader.requiredSheet("vInfo", columns: VMRecord.Columns.all)
        var vms = try VMRecord.read(vInfo, warnings: &warnings)
        read += ["vInfo (\(vInfo.rowCount))", "vHost (\(vHost.rowCount))"]

        let vCluster = try reader.sheet("vCluster", columns: ClusterRecord.Columns.all)
        note("vCluster", vCluster, ifAbsent: "scenario defaults for HA, DRS and DPM")
        let clusters = try vCluster.map { try ClusterRecord.read($0) } ?? []

        let vCPU = try reader.sheet("vCPU", columns: VMCPURecord.Columns.all)
        note("vCPU", vCPU, ifAbsent: "no CPU reservations, limits or shares; CPU means from host usage")
        if let vCPU {
            let rows = try VMCPURecord.read(vCPU)
            for (vm, match) in zip(vms.indices, RVToolsJoin.match(vms, rows: rows.map { ($0.name, $0.vmID) })) {
                vms[vm].cpu = match.map { rows[$0] }
            }
        }
        let vMemory = try reader.sheet("vMemory", columns: VMMemoryRecord.Columns.all)
        note("vMemory", vMemory, ifAbsent: "no memory reservations, limits or shares")
        if let vMemory {
            let rows = try VMMemoryRecord.read(vMemory)
            for (vm, match) in zip(vms.indices, RVToolsJoin.match(vms, rows: rows.map { ($0.name, $0.vmID) })) {
                vms[vm].memory = match.map { rows[$0] }
            }
        }
        let vDatastore = try reader.sheet("vDatastore", columns: DatastoreRecord.Columns.all)
        note("vDatastore", vDatastore, ifAbsent: "every host mounts all of its cluster's datastores")
        let datastores = try vDatastore.map { try DatastoreRecord.read($0, knownHosts: Set(hosts.map(\.name))) }

        let vNetwork = try reader.sheet("vNetwork", columns: VMNetworkRecord.Columns.all)
        note("vNetwork", vNetwork, ifAbsent: "networks from vInfo's 'Network #1'")
        if let vNetwork {
            let rows = try VMNetworkRecord.read(vNetwork)
            var multiple: [String] = []
            for (vm, matches) in zip(vms.indices, RVToolsJoin.all(vms, rows: rows.map { ($0.vm, $0.vmID) })) where !matches.isEmpty {
                var groups: [String] = []
                for index in matches where !groups.contains(rows[index].network) { groups.append(rows[index].network) }
                vms[vm].portGroups = groups
                vms[vm].network = groups[0]
                if groups.count > 1, !vms[vm].isTemplate, vms[vm].powerState == .poweredOn { multiple.append(vms[vm].name) }
            }
            if !multiple.isEmpty {
                warnings.append("\(InventoryPlanner.count(multiple.count, "VM")) on more than one port group: the first NIC's "
                    + "is simulated for \(InventoryPlanner.examples(multiple))")
            }
        }
        let vMetaData = try reader.sheet("vMetaData", columns: ExportMetadata.Columns.all)
        note("vMetaData", vMetaData, ifAbsent: "default start")
        let metadata = vMetaData.map { ExportMetadata.read($0, warnings: &warnings) }

        summary.append("tabs read: " + read.joined(separator: ", ") + " rows")
        if !absent.isEmpty { summary.append("tabs absent: " + absent.joined(separator: "; ")) }
        var planner = InventoryPlanner(hosts: hosts, vms: vms, clusterSettings: clusters, datastores: datastores,
                                       metadata: metadata, warnings: warnings, summary: summary)
        let plan = planner.plan()
        let yaml = ScenarioYAMLWriter(plan: plan, scenarioName: options.scenarioName, source: export.label,
                                      variability: options.variability).write()
        return RVToolsImportResult(yaml: yaml, clustersImported: plan.clusters.count, hostsImported: plan.hostsImported,
                                   vmsImported: plan.vmsImported, vmProfiles: plan.vmProfiles.count,
                                   templatesSkipped: plan.templatesSkipped, poweredOffSkipped: plan.poweredOffSkipped,
                                   summary: plan.summary, warnings: plan.warnings)
    }
}
