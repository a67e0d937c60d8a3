import Foundation

/// Semantic checks of a ``ScenarioSpec`` (docs/reliability.md): sizes and ranges, names that must exist or
/// be unique, conflicting rules, trace files, sweep axes. Every check reports through the
/// ``IssueReporter`` by key path, which finds the offending line in the source document.
///
/// The checks are split by concern over `SpecValidator+*.swift`.
struct SpecValidator {
    /// Upper bound on VMs at t = 0 in one scenario, checked before anything is expanded.
    static let maximumVMs = 10_000_000
    /// Upper bound on hosts in one scenario, checked before anything is expanded.
    static let maximumHosts = 1_000_000

    let spec: ScenarioSpec
    let reporter: IssueReporter
    /// Folder against which relative trace paths resolve; nil skips the file checks.
    let baseDirectory: URL?

    /// Runs every check.
    func run() {
        let wasSemantic = reporter.inSemanticPhase
        reporter.inSemanticPhase = true
        defer { reporter.inSemanticPhase = wasSemantic }
        checkTopLevel()
        checkSettings(spec: spec)
        checkHostProfiles()
        checkVMProfiles()
        checkClusterShapes()
        guard checkSizeLimits() else { return }
        checkHistoryWindows()
        let expansion = EntityExpansion(spec: spec, recordSources: true)
        checkEntityNames(expansion)
        for (index, cluster) in spec.clusters.enumerated() {
            let catalog = ClusterCatalog(cluster: cluster, expanded: expansion.clusters[index])
            let path = SpecPath.root.key("clusters").index(index)
            checkPlacement(cluster, catalog: catalog, at: path)
            checkReservations(cluster, at: path)
            checkClusterAdmissionControl(cluster, catalog: catalog, at: path)
            checkGroupsAndRules(cluster, catalog: catalog, at: path)
        }
        checkEvents(expansion)
        checkMaintenanceWindows(expansion)
        checkFailures()
        checkTraces(expansion)
        checkSweepBlock()
    }

    /// Reports `message` at `path`.
    func report(_ message: String, at path: SpecPath) {
        reporter.report(message, at: path)
    }

    /// Reports unless `condition` holds.
    func require(_ condition: Bool, _ message: @autoclosure () -> String, at path: SpecPath) {
        if !condition { report(message(), at: path) }
    }

    /// Reports unless `value` is in `range` (NaN is never in range).
    func requireRange<T: Comparable>(_ value: T, _ range: ClosedRange<T>, _ key: String, at parent: SpecPath) {
        if !range.contains(value) {
            report("\(key) must be between \(Self.shown(range.lowerBound)) and \(Self.shown(range.upperBound)) "
                   + "(got \(Self.shown(value)))", at: parent.key(key))
        }
    }

    static func shown<T>(_ value: T) -> String {
        if let d = value as? Double { return show(d) }
        if let i = value as? Int { return i.groupedDigits }
        return "\(value)"
    }

    /// Formats a number for messages without a trailing `.0`.
    static func show(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}

/// Physical ranges of numeric keys [I]: wide enough for any real host, VM or network (the largest
/// servers and VMs vSphere supports sit well inside), narrow enough that no product of them
/// overflows and no division by a tiny value stalls a run (docs/scenario-format.md "Ranges").
enum SpecBounds {
    static let sockets = 1...64
    static let coresPerSocket = 1...1_024
    static let mhz = 1...100_000
    static let vcpus = 1...4_096
    static let hostMemoryGB = 0.001...1_048_576
    static let vmMemoryGB = 0.001...1_048_576
    static let diskGB = 0.0...1_000_000_000
    static let nicGbps = 0.01...10_000
    static let nicEfficiency = 0.01...1.0
    static let mbps = 1.0...10_000_000
    static let watts = 0.0...1_000_000
    static let shares = 1...1_000_000
    static let cpuMHz = 0...100_000_000
    static let precopyRounds = 1...10_000
    static let arrivalsPerDay = 0.0...10_000_000
    static let sigma = 0.0...100
    static let factor = 0.0...1_000
    static let perDay = 0.0...86_400
    static let growthPerMonth = -1.0...100
    static let pue = 1.0...10
    static let price = 0.0...1_000_000
    static let count = 0...100_000_000
    /// Shortest period of a recurring process (DRS, DPM history, sampling): one second.
    static let shortestPeriod = DurationValue.seconds(1)
}

extension ScenarioSpec {
    /// Every semantic issue of this spec (sizes, ranges, names, rules, events, sweep), with key
    /// paths but without line numbers (a spec built in code has no source). Trace files are checked
    /// when `baseDirectory` is given. ``ScenarioLoader`` runs the same checks with line numbers.
    public func validate(fileName: String = "scenario", baseDirectory: URL? = nil) -> [ValidationIssue] {
        let reporter = IssueReporter(file: fileName)
        SpecValidator(spec: self, reporter: reporter, baseDirectory: baseDirectory).run()
        return reporter.issues
    }
}
