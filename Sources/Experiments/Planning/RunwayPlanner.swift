import ClusterModel
import Foundation
import Stochastics

/// `drsim plan runway` (docs/planning.md): per cluster, the first month each service level breaks
/// under demand growth, with a 95 % interval over CRN replications.
///
/// Month m is simulated as its representative period: `sample_days` days from the scenario's start
/// with `growth_offset_months: m`, so demand is (1 + g)^(m + t/30 d) × the profile's level. Every
/// month keeps the same calendar week and, in replication k, the same seed (common random
/// numbers): months differ only by growth, so the breach month of a replication is sharp.
public enum RunwayPlanner {
    public static func run(_ request: RunwayRequest) throws -> RunwayResult {
        let started = Date()
        let levels = try ServiceLevel.parseAll(request.serviceLevels)
        guard (0...600).contains(request.horizonMonths) else { throw InputError("--horizon must be 0 to 600 months (got \(request.horizonMonths))") }
        guard request.replications >= 1 else { throw InputError("--replications must be at least 1 (got \(request.replications))") }
        guard request.sampleDays >= 1, request.sampleDays <= 366 else {
            throw InputError("--sample-days must be 1 to 366 (got \(request.sampleDays))")
        }
        if let g = request.growthPerMonth, !(g > -1) { throw InputError("--growth-per-month must be above -1 (got \(g))") }

        var overrides = try PlanRunSet.plainOverrides(request.settings)
        overrides += ["sweep=null", "duration=\(request.sampleDays)d"]
        if let g = request.growthPerMonth { overrides.append("growth_per_month=\(PlanFormat.number(g))") }
        let loaded = try ScenarioRun.load(path: request.scenarioPath, overrides: overrides)
        try ScoreDRSCheck.check(levels, clusters: loaded.resolved.clusters.map(\.spec))
        let needsFailure = levels.contains { $0.needsFailureRun }
        let failureCases = needsFailure ? 2 : 1
        var settings = overrides + [PlanRunSet.axis("growth_offset_months", (0...request.horizonMonths).map(String.init))]
        if needsFailure { settings.append(PlanRunSet.axis("failed_largest_hosts", ["0", "1"])) }

        let judge = ServiceLevelJudge(levels: levels, window: request.window)
        let columns = Array(Set(judge.columns + MonthlyEnergy.columns + ["cpu_demand_mhz", "cpu_capacity_mhz"])).sorted()
        let runs = try PlanRunSet.run(scenarioPath: request.scenarioPath, settings: settings, replications: request.replications,
                                      outDir: URL(fileURLWithPath: request.outDir).appendingPathComponent("runway").path,
                                      columns: columns, options: request.options)
        let plan = try ModelBuilder.plan(loaded)
        let clusters = plan.clusters.map(\.name)
        let haRatio = Dictionary(uniqueKeysWithValues: plan.clusters.map { ($0.name, HAAdmissionCheck.ratio($0)) })
        let costs = Dictionary(uniqueKeysWithValues: clusters.map { ($0, ClusterCost(loaded, cluster: $0)) })

        // judgements[cluster][replication][month] and per-month figures.
        var judgements: [String: [[[ServiceLevelJudge.Judgement]]]] = [:]
        var figures: [String: [[MonthFigures]]] = [:]   // [cluster][month][replication]
        for c in clusters {
            judgements[c] = Array(repeating: [], count: request.replications)
            figures[c] = Array(repeating: [], count: request.horizonMonths + 1)
        }
        for k in 0..<request.replications {
            for m in 0...request.horizonMonths {
                let base = try runs.series(configuration: m * failureCases, replication: k)
                let failure = needsFailure ? try runs.series(configuration: m * failureCases + 1, replication: k) : [:]
                for c in clusters {
                    guard let s = base[c] else { throw InputError("\(runs.sweep.folder): no samples of cluster \(c)") }
                    judgements[c]?[k].append(judge.judge(base: s, failure: failure[c], haRatio: haRatio[c] ?? 0))
                    figures[c]?[m].append(MonthFigures(s))
                }
            }
        }

        var rows: [RunwayRow] = []
        var months: [RunwayMonth] = []
        for c in clusters {
            let perRep = judgements[c] ?? []
            for (l, level) in levels.enumerated() {
                var breach: [Int?] = [], value: [Double?] = []
                for rep in perRep {
                    let m = rep.firstIndex { !$0[l].holds }
                    breach.append(m)
                    value.append(m.flatMap { rep[$0][l].value })
                }
                rows.append(RunwayRow(cluster: c, serviceLevel: level.description, breachMonths: breach, valuesAtBreach: value))
            }
            let cost = costs[c] ?? ClusterCost(hosts: [], licensePerCore: nil, vms: 0)
            for m in 0...request.horizonMonths {
                let f = figures[c]?[m] ?? []
                let energy = [mean(f.map(\.energy.facilityKWh)), mean(f.map(\.energy.energyCost)), mean(f.map(\.energy.co2Kg))]
                let levelValues = levels.indices.map { l in perRep.compactMap { $0[m][l].value } }
                let levelMet = levels.indices.map { l in perRep.filter { $0[m][l].holds }.count }
                months.append(RunwayMonth(
                    cluster: c, month: m, demandMHz: mean(f.map(\.demandMHz)) ?? 0, peakDemandMHz: mean(f.map(\.peakDemandMHz)) ?? 0,
                    capacityMHz: mean(f.map(\.capacityMHz)) ?? 0, energy: energy,
                    costPerVMMonth: cost.perVMMonth(energyCostPerMonth: energy[1]),
                    hardwarePerMonth: cost.hardwarePerMonth, licensePerMonth: cost.licensePerMonth,
                    levelValues: levelValues, levelMet: levelMet))
            }
        }
        let result = RunwayResult(folder: runs.sweep.folder, levels: levels.map(\.description), window: request.window,
                                  replications: request.replications, horizonMonths: request.horizonMonths, rows: rows,
                                  months: months, runsExecuted: runs.sweep.runsExecuted, wallSeconds: Date().timeIntervalSince(started))
        try RunwayTables(result: result).write(into: URL(fileURLWithPath: runs.sweep.folder))
        return result
    }

    /// The mean of the known values; nil when none is known.
    static func mean(_ x: [Double?]) -> Double? {
        let known = x.compactMap { $0 }.filter(\.isFinite)
        return known.isEmpty ? nil : known.reduce(0, +) / Double(known.count)
    }
}

/// Demand, capacity and energy of one cluster run (after the warm-up).
struct MonthFigures {
    var demandMHz: Double
    /// The busiest hour's mean demand.
    var peakDemandMHz: Double
    var capacityMHz: Double
    var energy: MonthlyEnergy

    static let columns = ["cpu_demand_mhz", "cpu_capacity_mhz"]

    init(_ s: ClusterSeries) {
        let demand = s.column("cpu_demand_mhz") ?? []
        let capacity = s.column("cpu_capacity_mhz") ?? []
        var sum = 0.0, cap = 0.0, n = 0.0
        var hourly: [Double: (Double, Double)] = [:]
        for (i, t) in s.time.enumerated() where t >= SLOWindow.warmupSeconds && i < demand.count && i < capacity.count {
            sum += demand[i]; cap += capacity[i]; n += 1
            let hour = (t / 3_600).rounded(.down)
            let h = hourly[hour] ?? (0, 0)
            hourly[hour] = (h.0 + demand[i], h.1 + 1)
        }
        demandMHz = n > 0 ? sum / n : 0
        capacityMHz = n > 0 ? cap / n : 0
        peakDemandMHz = hourly.values.map { $0.0 / $0.1 }.max() ?? 0
        energy = MonthlyEnergy(s)
    }
}
