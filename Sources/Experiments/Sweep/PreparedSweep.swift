import Foundation
import Scenarios
import Traces

/// A sweep checked from end to end before anything runs: the scenario loaded with its plain
/// overrides, the axes expanded, every configuration's scenario read, validated and built once.
/// Bad input (an unknown key, an empty axis, a value of the wrong type, a bad trace) throws here.
struct PreparedSweep: Sendable {
    /// The loaded base scenario (plain `--set` overrides applied).
    let base: LoadedScenario
    let layout: SweepLayout
    /// Each configuration's scenario, in configuration order.
    let scenarios: [LoadedScenario]
    /// `<out>/<scenario name>`.
    let folder: URL
    /// Traces shared by every run (each file parsed once).
    let traces: TraceLibrary

    /// Runs allowed in one sweep (configurations × replications).
    static let maximumRuns = 1_000_000

    init(_ request: SweepRequest) throws {
        guard request.jobs >= 1 else { throw InputError("--jobs must be at least 1 (got \(request.jobs))") }
        if let r = request.replications, r < 1 { throw InputError("--replications must be at least 1 (got \(r))") }
        let (overrides, axes) = Self.split(request.settings)
        let base = try ScenarioRun.load(path: request.scenarioPath, overrides: overrides)
        let plan = try SweepPlan.make(from: base, extraAxes: axes + Self.narrowings(overrides, of: base),
                                      baselineArguments: request.baseline)
        if plan.axes.contains(where: { Self.steps($0.path) == ["seed"] }) {
            throw InputError("'seed' cannot be a sweep axis: replications already vary it (replication k uses seed + k "
                             + "in every configuration); use --replications")
        }
        let replications = request.replications ?? plan.replications
        let (runs, overflow) = plan.configurations.count.multipliedReportingOverflow(by: replications)
        guard !overflow, runs <= Self.maximumRuns else {
            throw InputError("the sweep has more than \(Self.maximumRuns) runs (configurations × replications)")
        }

        // Preparing 10⁴–10⁶ configurations takes minutes: both loops look at the cancellation flag
        // (SIGINT/SIGTERM) every configuration.
        let cancellation = request.cancellation
        var scenarios: [LoadedScenario] = []
        var issues: [ValidationIssue] = []
        for configuration in plan.configurations {
            if cancellation?.isCancelled == true { throw RunCancelled() }
            do {
                scenarios.append(try plan.scenario(for: configuration))
            } catch {
                for issue in error.issues where !issues.contains(issue) { issues.append(issue) }
            }
        }
        guard issues.isEmpty else { throw ScenarioErrors(issues: issues) }

        let traces = TraceLibrary()
        var configurations: [SweepLayout.Configuration] = []
        for (configuration, scenario) in zip(plan.configurations, scenarios) {
            if cancellation?.isCancelled == true { throw RunCancelled() }
            // Built once here so that a configuration that cannot be built fails before any run.
            let runPlan = try ModelBuilder.plan(scenario, configID: configuration.id, checkInvariants: request.checkInvariants,
                                                traces: traces)
            configurations.append(SweepLayout.Configuration(
                id: configuration.id, slug: configuration.slug, values: configuration.assignments.map(\.value.text),
                scenarioFingerprint: SweepLayout.fingerprint(runPlan.resolvedYAML)))
        }
        self.base = base
        self.scenarios = scenarios
        self.traces = traces
        layout = SweepLayout(scenario: base.spec.name, axes: plan.axes.map(\.path), configurations: configurations,
                             baselineIndex: plan.baselineIndex, replications: replications, seed: base.spec.seed)
        folder = URL(fileURLWithPath: request.outDir).appendingPathComponent(RunFolder.safeName(base.spec.name))
    }

    /// Splits `--set` arguments into plain overrides and axes: more than one value (`PATH=V1,V2`)
    /// or an empty value (reported as an empty axis) makes an axis.
    static func split(_ settings: [String]) -> (overrides: [String], axes: [String]) {
        var overrides: [String] = [], axes: [String] = []
        for argument in settings {
            guard case .success(let override) = ScenarioOverride.parse(argument) else {
                overrides.append(argument)  // the loader reports it
                continue
            }
            let values = ScenarioOverride.splitValues(override.valueText)
            if values.count > 1 || values.first?.isEmpty != false {
                axes.append(argument)
            } else {
                overrides.append(argument)
            }
        }
        return (overrides, axes)
    }

    /// The plain overrides that set a key the file sweeps: each narrows that axis to its one
    /// value (else the axis would silently undo it).
    static func narrowings(_ overrides: [String], of base: LoadedScenario) -> [String] {
        let fileAxes = (base.spec.sweep?.axes ?? []).map { steps($0.path) }
        return overrides.filter { argument in
            guard case .success(let override) = ScenarioOverride.parse(argument) else { return false }
            return fileAxes.contains(override.path.steps)
        }
    }

    static func steps(_ path: String) -> [String] {
        (try? OverridePath.parse(path).get())?.steps ?? [path]
    }
}
