import Foundation
import Scenarios

/// The CRN runs behind a plan, executed by the sweep machinery (docs/sweeps.md): one sweep whose
/// configurations are the plan's cases, replication k with seed + k in every one. Resumable like
/// any sweep: rerunning a plan skips the runs already complete.
struct PlanRunSet {
    let sweep: SweepResult
    /// The `timeseries.csv` columns read from each run.
    let columns: [String]

    /// Runs the sweep of `scenarioPath` with `settings` (plain overrides, then axes) into `outDir`.
    static func run(scenarioPath: String, settings: [String], replications: Int, outDir: String, columns: [String],
                    options: PlanOptions) throws -> PlanRunSet {
        var request = SweepRequest(scenarioPath: scenarioPath)
        request.outDir = outDir
        request.settings = settings
        request.replications = replications
        request.jobs = options.jobs
        request.checkInvariants = options.checkInvariants
        request.cancellation = options.cancellation
        request.progress = options.progress
        return PlanRunSet(sweep: try SweepRunner.run(request), columns: columns)
    }

    /// The clusters' series of configuration `configuration`, replication `replication`.
    func series(configuration: Int, replication: Int) throws -> [String: ClusterSeries] {
        let layout = sweep.layout
        let folder = layout.folder(of: SweepRunID(configuration: configuration, replication: replication),
                                   in: URL(fileURLWithPath: sweep.folder))
        return try ClusterSeries.read(folder: folder, columns: columns)
    }

    /// The `--set` overrides of a plan: the user's (plain ones only) and the plan's own.
    static func plainOverrides(_ settings: [String]) throws -> [String] {
        let (overrides, axes) = PreparedSweep.split(settings)
        if let axis = axes.first {
            throw InputError("--set \(axis): a plan takes single values only (its cases are the months or host counts)")
        }
        return overrides
    }

    /// `PATH=V0,V1,...` (an axis when there are several values).
    static func axis(_ path: String, _ values: [String]) -> String { "\(path)=\(values.joined(separator: ","))" }

    /// `clusters[name]` as an override path step.
    static func clusterPath(_ name: String) -> String { "clusters[\(name)]" }
}

/// How a plan's runs execute (outputs do not depend on these).
public struct PlanOptions: Sendable {
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var checkInvariants = false
    public var cancellation: CancellationFlag?
    public var progress: (@Sendable (SweepProgress) -> Void)?
    public init() {}
}

/// The energy, cost and CO₂ of one cluster run, per 30-day month (from its cumulative columns).
struct MonthlyEnergy {
    var facilityKWh: Double?
    var energyCost: Double?
    var co2Kg: Double?

    static let columns = ["facility_energy_kwh", "energy_cost", "co2_kg"]

    init(_ s: ClusterSeries) {
        guard let t = s.time.last, t > 0 else { return }
        let scale = 30 * 86_400 / t
        func rate(_ c: String) -> Double? { s.last(c).flatMap { $0.isFinite ? $0 * scale : nil } }
        facilityKWh = rate("facility_energy_kwh")
        energyCost = rate("energy_cost")
        co2Kg = rate("co2_kg")
    }
}
