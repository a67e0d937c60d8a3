import Foundation
import Inventory
import Scenarios

/// The library side of `drsim import rvtools`: read the exports, write the scenario, describe it.
public enum InventoryImport {
    public static func run(vInfo: String, vHost: String, vCluster: String?, out: String, name: String?) throws -> String {
        let scenarioName = name ?? URL(fileURLWithPath: out).deletingPathExtension().lastPathComponent
        let result: RVToolsImportResult
        do {
            result = try RVToolsImport.run(vInfo: URL(fileURLWithPath: vInfo), vHost: URL(fileURLWithPath: vHost),
                                           vCluster: vCluster.map { URL(fileURLWithPath: $0) }, scenarioName: scenarioName)
        } catch let e as InventoryError {
            throw InputError(e.description)
        }
        guard FileManager.default.createFile(atPath: out, contents: Data(result.yaml.utf8)) else {
            throw OutputError(path: out, message: "cannot write the scenario")
        }
        var text = "wrote \(TerminalText.escaped(out)): \(result.clustersImported) clusters, \(result.hostsImported) hosts, \(result.vmsImported) VMs"
        text += " (skipped \(result.templatesSkipped) templates, \(result.poweredOffSkipped) powered-off VMs)"
        for w in result.warnings { text += "\nwarning: " + TerminalText.escaped(w) }
        return text
    }
}
