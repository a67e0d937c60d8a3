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

    /// The library side of `drsim validate`: loads and validates the scenario, then builds its
    /// model (which reads every trace file, so a malformed trace is reported here too) and
    /// returns the report: one `ok:` line and the warnings of ``ScenarioWarnings``.
    public static func validate(path: String?, overrides: [String] = []) throws -> String {
        let loaded = try load(path: path, overrides: overrides)
        _ = try ModelBuilder.plan(loaded)
        return ([RunReport.validated(loaded)] + ScenarioWarnings.list(loaded).map { "warning: " + $0 }).joined(separator: "\n")
    }

    /// Loads, builds and runs a scenario into `<outDir>/<name>/`.
    public static func run(_ request: RunRequest) throws -> RunResult {
        var overrides = request.overrides
        if let seed = request.seed { overrides.append("seed=\(seed)") }
        let loaded = try load(path: request.scenarioPath, overrides: overrides)
        let plan = try ModelBuilder.plan(loaded, checkInvariants: request.checkInvariants)
        let folder = URL(fileURLWithPath: request.outDir).appendingPathComponent(RunFolder.safeName(plan.scenarioName))
        try OutputFolderGuard.checkRunFolder(folder)
        return try RunRunner.run(plan, into: folder, options: request.options)
    }
}

/// Folder names derived from scenario names (which may contain spaces, dots and commas).
public enum RunFolder {
    /// `name` with path separators and control characters replaced by `_`, cut to
    /// ``EntityNaming/maximumNameBytes`` (a validated name is never cut: validation uses the same limit).
    public static func safeName(_ name: String) -> String {
        var cleaned = String(String.UnicodeScalarView(name.unicodeScalars.map {
            $0 == "/" || $0 == "\\" || TerminalText.isControl($0) ? "_" : $0
        }))
        while cleaned.utf8.count > EntityNaming.maximumNameBytes { cleaned.removeLast() }
        return cleaned == "." || cleaned == ".." || cleaned.isEmpty ? "_" : cleaned
    }
}
