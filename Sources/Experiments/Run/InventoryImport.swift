import Foundation
import Inventory
import Scenarios

/// The library side of `drsim import rvtools`: read the export, write the scenario, describe it.
public enum InventoryImport {
    /// What to read: an `.xlsx` workbook or a folder of CSV exports (`export`), or single CSV tabs.
    public struct Request: Sendable {
        public var export: String?
        public var vInfo: String?
        public var vHost: String?
        public var vCluster: String?
        public var out: String
        public var name: String?
        public var variability = true

        public init(out: String) {
            self.out = out
        }
    }

    public static func run(_ request: Request) throws -> String {
        let scenarioName = request.name ?? URL(fileURLWithPath: request.out).deletingPathExtension().lastPathComponent
        let result: RVToolsImportResult
        do {
            let export: RVToolsExport
            switch (request.export, request.vInfo, request.vHost) {
            case (let path?, nil, nil) where request.vCluster == nil:
                export = try RVToolsExport.at(URL(fileURLWithPath: path))
            case (nil, let vInfo?, let vHost?):
                var files = ["vInfo": URL(fileURLWithPath: vInfo), "vHost": URL(fileURLWithPath: vHost)]
                if let vCluster = request.vCluster { files["vCluster"] = URL(fileURLWithPath: vCluster) }
                export = RVToolsExport.files(files)
            case (nil, _, _):
                throw InputError("give an RVTools export (an .xlsx workbook or a folder of CSV files), or both --vinfo and --vhost")
            default:
                throw InputError("give either an export (.xlsx or folder) or --vinfo/--vhost/--vcluster, not both")
            }
            result = try RVToolsImport.run(export, options: .init(scenarioName: scenarioName, variability: request.variability))
        } catch let e as InventoryError {
            throw InputError(e.description)
        }
        guard FileManager.default.createFile(atPath: request.out, contents: Data(result.yaml.utf8)) else {
            throw OutputError(path: request.out, message: "cannot write the scenario")
        }
        var text = "wrote \(TerminalText.escaped(request.out)): \(result.clustersImported) clusters, \(result.hostsImported) hosts, "
            + "\(result.vmsImported) VMs in \(result.vmProfiles) VM profiles"
        text += " (skipped \(result.templatesSkipped) templates, \(result.poweredOffSkipped) powered-off VMs)"
        for line in result.summary { text += "\n  " + TerminalText.escaped(line) }
        for w in result.warnings { text += "\nwarning: " + TerminalText.escaped(w) }
        return text
    }

    /// The form used before workbooks: single CSV tabs.
    public static func run(vInfo: String, vHost: String, vCluster: String?, out: String, name: String?) throws -> String {
        var request = Request(out: out)
        request.vInfo = vInfo
        request.vHost = vHost
        request.vCluster = vCluster
        request.name = name
        return try run(request)
    }
}
