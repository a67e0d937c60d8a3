import Foundation
import Yams

/// The expansion of a sweep (docs/sweeps.md): axes (the file's `sweep.axes` in file order, then the
/// command line's `--set PATH=V1,V2` axes in argument order) × replications, as a cartesian
/// product with the first axis varying slowest.
///
/// A command-line axis with the same path as a file axis replaces that axis's values in place. The
/// baseline is the configuration given by `sweep.baseline` (axes it does not name, or whose named
/// value a command-line axis removed, take their first value); without it, configuration 0.
public struct SweepPlan: @unchecked Sendable {
    /// The loaded scenario the configurations derive from.
    public let base: LoadedScenario
    /// The axes, in order.
    public let axes: [SweepAxisSpec]
    /// Runs per configuration.
    public let replications: Int
    /// The configurations, first axis slowest.
    public let configurations: [SweepConfiguration]
    /// Index of the baseline configuration.
    public let baselineIndex: Int
    /// Where each axis was written, for locating issues of a configuration.
    let origins: [OverrideOrigin]

    /// Every run, configuration by configuration, replications in order.
    public var runs: [SweepRun] {
        configurations.flatMap { configuration in
            (0..<replications).map { SweepRun(configurationIndex: configuration.index, replication: $0,
                                              seed: seed(forReplication: $0)) }
        }
    }

    /// The master seed of replication `k`: `seed + k` (wrapping).
    public func seed(forReplication k: Int) -> UInt64 {
        base.spec.seed &+ UInt64(max(0, k))
    }

    /// The scenario of one configuration: the base document with the configuration's assignments
    /// applied, read and validated like a file (issues name the axis that caused them).
    public func scenario(for configuration: SweepConfiguration) throws(ScenarioErrors) -> LoadedScenario {
        var assignments: [(OverridePath, Node, OverrideOrigin)] = []
        for (position, assignment) in configuration.assignments.enumerated() {
            guard case .success(let path) = OverridePath.parse(assignment.path) else { continue }
            var origin = origins[position]
            origin.label = "sweep configuration \(configuration.id)"
            assignments.append((path, NodeEditor.valueNode(assignment.value), origin))
        }
        return try ScenarioLoader.build(root: base.sourceNode, assignments: assignments, base: base.appliedOverrides,
                                        fileName: base.fileName, baseDirectory: base.baseDirectory,
                                        overrides: base.overrides, checkSweepAxes: false)
    }

    init(base: LoadedScenario, axes: [SweepAxisSpec], origins: [OverrideOrigin], replications: Int,
         baseline: [AssignmentSpec]) {
        self.base = base
        self.axes = axes
        self.origins = origins
        self.replications = replications
        let configurations = Self.product(of: axes)
        self.configurations = configurations
        let wanted = axes.map { axis -> ScalarValue? in
            let named = baseline.first { Self.samePath($0.path, axis.path) }?.value
            let match = named.flatMap { value in axis.values.first { $0.comparisonKey == value.comparisonKey } }
            return match ?? axis.values.first
        }
        baselineIndex = configurations.firstIndex { configuration in
            zip(configuration.assignments, wanted).allSatisfy { $0.value == $1 }
        } ?? 0
    }

    /// True when two path texts name the same key (`clusters.a.x` and `clusters[a].x`).
    static func samePath(_ lhs: String, _ rhs: String) -> Bool {
        guard case .success(let left) = OverridePath.parse(lhs), case .success(let right) = OverridePath.parse(rhs) else {
            return lhs == rhs
        }
        return left.steps == right.steps
    }
}

/// One point of a sweep: one value per axis.
public struct SweepConfiguration: Hashable, Sendable {
    /// 0-based position in ``SweepPlan/configurations``.
    public var index: Int
    /// Stable id: the assignments in axis order, `drs.threshold=4,dpm.enabled=true`; `base` for a
    /// sweep without axes. Used in `sweep.csv` and `summary.csv` (`config_id`).
    public var id: String
    /// Filesystem-safe folder name: `c` + the 0-based index zero-padded to 3 digits (or more),
    /// then `-` and the assignments as `path-value` joined by `_`, with every character other than
    /// letters, digits, `.`, `+` and `-` replaced by `_`, cut to 120 characters
    /// (`c007-drs.threshold-4_dpm.enabled-true`; `c000-base` without axes). The `cNNN` prefix alone
    /// makes it unique.
    public var slug: String
    /// One assignment per axis, in axis order.
    public var assignments: [AssignmentSpec]
}

/// One run of a sweep: a configuration and a replication.
public struct SweepRun: Hashable, Sendable {
    /// Index into ``SweepPlan/configurations``.
    public var configurationIndex: Int
    /// Replication number k, 0-based.
    public var replication: Int
    /// The run's master seed: the scenario's `seed + k`, the same for every configuration (common
    /// random numbers, docs/sweeps.md).
    public var seed: UInt64
}
