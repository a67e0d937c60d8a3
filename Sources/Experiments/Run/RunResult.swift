import ClusterModel
import Stochastics

/// What a finished run reports back: its folder, its summary row and timing.
public struct RunResult: Sendable {
    public let folder: String
    public let summary: RunSummary
    public let wallSeconds: Double
    public let eventsProcessed: Int64
}

/// A run's `summary.csv` row, combined from its clusters.
public struct RunSummary: Sendable {
    public var scenario = ""
    public var configID = "base"
    public var replication = 0
    public var seed: UInt64 = 0
    public var simDays = 0.0
    public var energyKWh = 0.0
    public var facilityEnergyKWh = 0.0
    public var meanHostsOn = 0.0
    public var chlsdMean = 0.0
    public var chlsdP95 = 0.0
    public var migrationsTotal = 0
    public var migrationsOK = 0
    public var migrationsRejected = 0
    public var migrationsAborted = 0
    public var migrationsDRS = 0
    public var migrationsDPM = 0
    public var migrationsMaintenance = 0
    public var downtimeTotalS = 0.0
    /// Downtime quantiles and maximum: NaN (an empty cell) when no migration completed.
    public var downtimeP50MS = Double.nan
    public var downtimeP95MS = Double.nan
    public var downtimeP99MS = Double.nan
    public var downtimeMaxMS = Double.nan
    public var lostPings = 0
    public var cpuUnmetPct = 0.0
    public var haOutages = 0
    public var vmHoursDown = 0.0
    public var hostPowerCycles = 0
    public var failedAdmissions = 0
    public var dpmPowerOffs = 0
    public var dpmPowerOns = 0
    public var standbyHostHours = 0.0
    public var maintenanceHostsPatched = 0
    public var maintenanceWindowS = 0.0
    public var migrationsFailed = 0
    public var sdpsEngaged = 0
    public var migrationsUnfinished = 0
    /// Facility energy cost; nil without a price.
    public var energyCost: Double?
    /// CO₂ of the facility energy, kg; nil without a CO₂ intensity.
    public var co2Kg: Double?
    /// CPU withheld by SDPS throttling, % of demand (kept out of ``cpuUnmetPct``, which is the
    /// timeseries' contention only, so the two files agree).
    public var sdpsUnmetPct = 0.0
    public var memOvercommitMax = 0.0
    public var memBalloonedGBHours = 0.0
    public var memSwappedGBHours = 0.0
    public var memContentionPct = 0.0
    /// Mean cluster DRS score over the score passes of all clusters; nil when none runs score DRS.
    public var drsScoreMean: Double?
    /// DRS algorithms the clusters ran, with cluster counts (`classic ×2, score ×1`); console only.
    public var drsAlgorithms = ""

    public init() {}

    /// Cells in ``OutputColumns/summary`` order.
    public var cells: [String] {
        [
            CSVNumber.text(scenario), CSVNumber.text(configID), String(replication), String(seed),
            CSVNumber.format(simDays, decimals: 6),
            CSVNumber.format(energyKWh, decimals: 6), CSVNumber.format(facilityEnergyKWh, decimals: 6),
            CSVNumber.format(meanHostsOn, decimals: 6),
            CSVNumber.format(chlsdMean, decimals: 6), CSVNumber.format(chlsdP95, decimals: 6),
            String(migrationsTotal), String(migrationsOK), String(migrationsRejected), String(migrationsAborted),
            String(migrationsDRS), String(migrationsDPM), String(migrationsMaintenance),
            CSVNumber.format(downtimeTotalS, decimals: 6),
            CSVNumber.format(downtimeP50MS, decimals: 3), CSVNumber.format(downtimeP95MS, decimals: 3),
            CSVNumber.format(downtimeP99MS, decimals: 3), CSVNumber.format(downtimeMaxMS, decimals: 3),
            String(lostPings), CSVNumber.format(cpuUnmetPct, decimals: 6), String(haOutages),
            CSVNumber.format(vmHoursDown, decimals: 6), String(hostPowerCycles), String(failedAdmissions),
            String(dpmPowerOffs), String(dpmPowerOns), CSVNumber.format(standbyHostHours, decimals: 6),
            String(maintenanceHostsPatched), CSVNumber.format(maintenanceWindowS, decimals: 6),
            String(migrationsFailed), String(sdpsEngaged), String(migrationsUnfinished),
            energyCost.map { CSVNumber.format($0, decimals: 6) } ?? "", co2Kg.map { CSVNumber.format($0, decimals: 6) } ?? "",
            CSVNumber.format(sdpsUnmetPct, decimals: 6),
            CSVNumber.format(memOvercommitMax, decimals: 6), CSVNumber.format(memBalloonedGBHours, decimals: 6),
            CSVNumber.format(memSwappedGBHours, decimals: 6), CSVNumber.format(memContentionPct, decimals: 6),
            drsScoreMean.map { CSVNumber.format($0, decimals: 6) } ?? "",
        ]
    }

    /// Combines cluster summaries into the run's row.
    /// `co2Kg` is each cluster's CO₂ (nil entries without a CO₂ intensity).
    static func combine(_ parts: [ClusterSummary], plan: RunPlan, co2Kg: [Double?] = []) -> RunSummary {
        var s = RunSummary()
        s.scenario = plan.scenarioName
        s.configID = plan.configID
        s.replication = plan.replication
        s.seed = plan.settings.seed
        let seconds = plan.settings.duration.seconds
        s.simDays = seconds / 86_400
        var chlsdSum = 0.0, chlsdCount = 0
        var quantiles = parts.first?.chlsdQuantiles
        var demand = 0.0, unmet = 0.0, sdpsUnmet = 0.0
        var activeMemory = 0.0, contention = 0.0
        // Every completed migration's downtime (exact quantiles): reserved once at its final size.
        // make bench, scale-fleet-100x64-60d: growing it by appends (capacity doubling) was a
        // transient of up to 3× its 8 MB at the end of the run, the largest part of the peak-RSS
        // growth from 30 to 60 days.
        var downtimes: [Double] = []
        downtimes.reserveCapacity(parts.reduce(0) { $0 + $1.migrations.downtimesMS.count })
        for (i, p) in parts.enumerated() {
            let m = p.migrations
            s.migrationsTotal += m.requests
            s.migrationsOK += m.count(.ok)
            s.migrationsRejected += m.count(.rejected)
            s.migrationsAborted += m.count(.aborted)
            s.migrationsDRS += m.count(.drsBalance) + m.count(.drsRule) + m.count(.placement)
            s.migrationsDPM += m.count(.dpmEvacuate)
            s.migrationsMaintenance += m.count(.maintenance)
            s.lostPings += m.lostPings
            downtimes += m.downtimesMS
            sdpsUnmet += m.sdpsUnmetMHzSeconds
            s.energyKWh += p.energyJ / 3_600_000
            s.meanHostsOn += seconds > 0 ? p.hostOnSeconds / seconds : 0
            chlsdSum += p.chlsd.mean * Double(p.chlsd.count)
            chlsdCount += p.chlsd.count
            if i > 0 { quantiles?.merge(p.chlsdQuantiles) }
            demand += p.cpuDemandMHzSeconds
            unmet += p.cpuUnmetMHzSeconds
            s.haOutages += p.haOutages
            s.vmHoursDown += p.vmSecondsDown / 3_600
            s.hostPowerCycles += p.hostPowerCycles
            s.failedAdmissions += p.failedAdmissions
            s.dpmPowerOffs += p.dpmPowerOffs
            s.dpmPowerOns += p.dpmPowerOns
            s.standbyHostHours += p.standbyHostSeconds / 3_600
            s.maintenanceHostsPatched += p.maintenanceHostsPatched
            s.maintenanceWindowS += p.maintenanceWindowSeconds
            s.migrationsFailed += m.count(.failed)
            s.sdpsEngaged += m.sdpsEngaged
            s.migrationsUnfinished += m.count(.unfinished)
            s.memOvercommitMax = max(s.memOvercommitMax, p.memoryOvercommitMax)
            s.memBalloonedGBHours += p.memoryBalloonedMBSeconds / 1_024 / 3_600
            s.memSwappedGBHours += p.memorySwappedMBSeconds / 1_024 / 3_600
            activeMemory += p.memoryActiveMBSeconds
            contention += p.memoryContentionMBSeconds
        }
        let scorePasses = parts.reduce(0) { $0 + $1.drsScorePasses }
        if scorePasses > 0 { s.drsScoreMean = parts.reduce(0.0) { $0 + $1.drsScoreSum } / Double(scorePasses) }
        s.drsAlgorithms = BalancingAlgorithm.allCases.compactMap { a in
            let n = parts.filter { $0.drsAlgorithm == a }.count
            return n == 0 ? nil : (parts.count == 1 ? a.rawValue : "\(a.rawValue) ×\(n)")
        }.joined(separator: ", ")
        s.facilityEnergyKWh = s.energyKWh * plan.settings.pue
        s.energyCost = plan.tariff.cost(facilityKWh: s.facilityEnergyKWh)
        if plan.tariff.hasCO2 { s.co2Kg = co2Kg.reduce(0) { $0 + ($1 ?? 0) } }
        s.chlsdMean = chlsdCount > 0 ? chlsdSum / Double(chlsdCount) : 0
        s.chlsdP95 = (quantiles?.count ?? 0) > 0 ? quantiles?.quantile(0.95) ?? 0 : 0
        s.cpuUnmetPct = demand > 0 ? 100 * unmet / demand : 0
        s.sdpsUnmetPct = demand > 0 ? 100 * sdpsUnmet / demand : 0
        s.memContentionPct = activeMemory > 0 ? 100 * contention / activeMemory : 0
        downtimes.sort()
        if !downtimes.isEmpty {
            s.downtimeTotalS = downtimes.reduce(0, +) / 1_000
            s.downtimeP50MS = Statistics.quantile(sorted: downtimes, 0.5)
            s.downtimeP95MS = Statistics.quantile(sorted: downtimes, 0.95)
            s.downtimeP99MS = Statistics.quantile(sorted: downtimes, 0.99)
            s.downtimeMaxMS = downtimes[downtimes.count - 1]
        }
        return s
    }
}
