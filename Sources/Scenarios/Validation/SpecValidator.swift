import Foundation

/// Semantic checks of a ``ScenarioSpec`` (DESIGN §9): sizes and ranges, names that must exist or
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

    /// Formats a number for messages without a trailing `.0`.
    static func show(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
