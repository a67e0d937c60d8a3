import ClusterModel
import Foundation
import Scenarios
import Traces

/// What `drsim run` asks for.
public struct RunRequest: Sendable {
    /// Scenario file, or nil for the built-in demo.
    public var scenarioPath: String?
    /// Results root: the run goes to `<outDir>/<scenario name>/`.
    public var outDir: String = "results"
    /// Replaces the scenario's seed.
    public var seed: UInt64?
    /// `--set PATH=VALUE` overrides, in order.
    public var overrides: [String] = []
    public var checkInvariants = false
    public var options = RunOptions()

    public init(scenarioPath: String? = nil) { self.scenarioPath = scenarioPath }
}

/// Loading and running single scenarios: the library side of `drsim run` and `drsim validate`.
public enum ScenarioRun {
    /// Loads and validates a scenario file (or the demo) with overrides; every problem at once.
    public static func load(path: String?, overrides: [String] = []) throws(ScenarioErrors) -> LoadedScenario {
        guard let path else {
            return try ScenarioLoader.load(yaml: DemoScenario.yaml, fileName: DemoScenario.fileName,
                                           baseDirectory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
                                           overrides: overrides)
        }
        return try ScenarioLoader.load(contentsOf: URL(fileURLWithPath: path), overrides: overrides)
    }

    /// Loads, builds and runs a scenario into `<outDir>/<name>/`.
    public static func run(_ request: RunRequest) throws -> RunResult {
        var overrides = request.overrides
        if let seed = request.seed { overrides.append("seed=\(seed)") }
        let loaded = try load(path: request.scenarioPath, overrides: overrides)
        let plan = try ModelBuilder.plan(loaded, checkInvariants: request.checkInvariants)
        let folder = URL(fileURLWithPath: request.outDir).appendingPathComponent(RunFolder.safeName(plan.scenarioName))
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("sweep-plan.json").path) {
            throw InputError("\(folder.path) holds a sweep of this scenario; a run would replace it. Choose another --out.")
        }
        return try RunRunner.run(plan, into: folder, options: request.options)
    }
}

/// Folder names derived from scenario names (which may contain spaces, dots and commas).
public enum RunFolder {
    /// `name` with path separators and control characters replaced by `_`.
    public static func safeName(_ name: String) -> String {
        let cleaned = String(name.map { $0 == "/" || $0 == "\\" || $0.isNewline || $0 == "\0" ? "_" : $0 })
        return cleaned == "." || cleaned == ".." || cleaned.isEmpty ? "_" : cleaned
    }
}
