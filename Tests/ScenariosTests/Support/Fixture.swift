import Foundation
@testable import Scenarios

/// Small scenarios and helpers shared by the tests.
enum Fixture {
    /// The smallest valid scenario: one host profile, one VM profile, one cluster.
    static let minimal = """
    schema_version: 1
    name: mini
    duration: 1d
    host_profiles:
      - name: r650
        cpu: {sockets: 2, cores_per_socket: 24, mhz: 2800}
        memory_gb: 768
        power: {model: linear, idle_w: 180, max_w: 520}
    vm_profiles:
      - name: web
        vcpus: 4
        memory_gb: 16
    clusters:
      - name: prod-a
        hosts: [{profile: r650, count: 4}]
        vms: [{profile: web, count: 10}]

    """

    /// A folder that exists and holds nothing the tests rely on.
    static let baseDirectory = FileManager.default.temporaryDirectory

    /// Loads `yaml`, as a `Result`.
    static func load(_ yaml: String, overrides: [String] = [], baseDirectory: URL = baseDirectory)
        -> Result<LoadedScenario, ScenarioErrors> {
        do {
            return .success(try ScenarioLoader.load(yaml: yaml, fileName: "test.yaml", baseDirectory: baseDirectory,
                                                    overrides: overrides))
        } catch {
            return .failure(error)
        }
    }

    /// The issues of `yaml` (empty when it loads).
    static func issues(_ yaml: String, overrides: [String] = [], baseDirectory: URL = baseDirectory) -> [ValidationIssue] {
        switch load(yaml, overrides: overrides, baseDirectory: baseDirectory) {
        case .success: return []
        case .failure(let errors): return errors.issues
        }
    }

    /// The loaded scenario of `yaml`, or nil (the issues are printed to help a failing test).
    static func loaded(_ yaml: String, overrides: [String] = [], baseDirectory: URL = baseDirectory) -> LoadedScenario? {
        switch load(yaml, overrides: overrides, baseDirectory: baseDirectory) {
        case .success(let scenario): return scenario
        case .failure(let errors):
            print(errors)
            return nil
        }
    }

    /// The 1-based line of the first line of `yaml` containing `marker` (0 when absent).
    static func line(of marker: String, in yaml: String) -> Int {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        return (lines.firstIndex { $0.contains(marker) } ?? -1) + 1
    }

    /// `yaml` with the first occurrence of `old` replaced by `new` (the test fails loudly if absent).
    static func replacing(_ old: String, with new: String, in yaml: String = minimal) -> String {
        guard let range = yaml.range(of: old) else { return "marker not found: \(old)" }
        return yaml.replacingCharacters(in: range, with: new)
    }

    /// The issue whose key path is `keyPath`.
    static func issue(at keyPath: String, in issues: [ValidationIssue]) -> ValidationIssue? {
        issues.first { $0.keyPath == keyPath }
    }

    /// A fresh empty temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("drsim-scenarios-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
