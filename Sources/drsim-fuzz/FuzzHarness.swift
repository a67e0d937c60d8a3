import Experiments
import Foundation
import Inventory
import Scenarios
import Traces

/// Feeds one fuzz input to the reader that its first byte selects (the byte's value modulo 4):
///
/// - `0` — the scenario loader and validator (`ScenarioLoader.load(yaml:…)`); the text after a NUL
///   byte, if any, is a list of `--set` overrides, one a line. A scenario that loads must give a
///   resolved YAML that loads again (the round trip `scenario.resolved.yaml` promises), and its
///   model is built (`ModelBuilder.plan`, what `drsim validate` and `run` do next: the spec
///   accessors, products and conversions that validation lets through) together with the
///   validate warnings, when it is small enough to build within the fuzzer's memory limit.
/// - `1` — the CSV readers: `CSVTable.parse` and `CSVTraceReader.parse`.
/// - `2` — the PlanetLab trace reader, `PlanetLabReader.parse`.
/// - `3` — the RVTools import: NUL bytes split the rest into vInfo, vHost and (optional)
///   vCluster exports, written to a scratch folder and read by `RVToolsImport.run`; a scenario
///   it produces goes through the loader too.
///
/// Errors are the expected outcome of most inputs and are ignored; only crashes, hangs and
/// broken promises (a `preconditionFailure`) count as findings.
enum FuzzHarness {
    /// Folder for the RVTools files and the scenario base directory (one per process).
    static let scratch: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("drsim-fuzz-\(ProcessInfo.processInfo.processIdentifier)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }()

    /// Runs one input through its reader.
    static func run(_ data: Data) {
        guard let selector = data.first else { return }
        let body = data.dropFirst()
        switch selector % 4 {
        case 0: scenario(body)
        case 1: csv(body)
        case 2: _ = try? PlanetLabReader.parse(Data(body), file: "fuzz.txt")
        default: rvtools(body)
        }
    }

    static func scenario(_ body: Data.SubSequence) {
        let parts = body.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
        guard let yaml = String(data: Data(parts.first ?? Data()), encoding: .utf8) else { return }
        let overrides = parts.count > 1
            ? String(decoding: parts[1], as: UTF8.self).split(separator: "\n").map(String.init) : []
        guard let loaded = try? ScenarioLoader.load(yaml: yaml, fileName: "fuzz.yaml", baseDirectory: scratch,
                                                    overrides: overrides) else { return }
        let resolved: String
        do {
            resolved = try loaded.resolvedYAML()
        } catch {
            preconditionFailure("a loaded scenario cannot be written as YAML: \(error)")
        }
        do {
            _ = try ScenarioLoader.load(yaml: resolved, fileName: "resolved.yaml", baseDirectory: scratch)
        } catch {
            preconditionFailure("the resolved scenario does not load again:\n\(error)\n--- resolved YAML:\n\(resolved)")
        }
        build(loaded)
    }

    /// Largest scenario the harness builds (libFuzzer's 4 GB RSS limit and 20 s timeout per input).
    static let buildLimit = (vms: 20_000, hosts: 2_000)

    /// Builds the model of `loaded` as `drsim validate` does; errors are fine, traps are findings.
    static func build(_ loaded: LoadedScenario) {
        let resolved = loaded.resolved
        guard resolved.totalVMs <= buildLimit.vms, resolved.totalHosts <= buildLimit.hosts else { return }
        _ = ScenarioWarnings.list(loaded)
        _ = try? ModelBuilder.plan(loaded)
    }

    static func csv(_ body: Data.SubSequence) {
        let data = Data(body)
        _ = try? CSVTable.parse(data, file: "fuzz.csv")
        _ = try? CSVTraceReader.parse(data, file: "fuzz.csv", defaultVMName: "vm")
    }

    static func rvtools(_ body: Data.SubSequence) {
        let parts = body.split(separator: 0, maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return }
        let names = ["vInfo.csv", "vHost.csv", "vCluster.csv"]
        var urls: [URL] = []
        for (part, name) in zip(parts, names) {
            let url = scratch.appendingPathComponent(name)
            guard FileManager.default.createFile(atPath: url.path, contents: Data(part)) else { return }
            urls.append(url)
        }
        guard let result = try? RVToolsImport.run(vInfo: urls[0], vHost: urls[1], vCluster: urls.count > 2 ? urls[2] : nil,
                                                  scenarioName: "fuzz") else { return }
        _ = try? ScenarioLoader.load(yaml: result.yaml, fileName: "imported.yaml", baseDirectory: scratch)
    }
}
