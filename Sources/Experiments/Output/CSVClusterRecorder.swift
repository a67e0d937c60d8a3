import ClusterModel
import SimKernel

/// Streams one cluster's rows into part files inside the run's temporary folder. Each part line
/// starts with a sort key (µs) that ``PartFileMerger`` uses to interleave clusters by time and
/// then drops.
final class CSVClusterRecorder: ClusterRecorder {
    let clusterCell: String
    let calendar: SimCalendar
    let pue: Double
    let tariff: EnergyTariff
    private var emissions: EmissionMeter
    let timeseries: BufferedFileWriter
    let powerEvents: BufferedFileWriter
    let migrations: BufferedFileWriter
    let drsPasses: BufferedFileWriter
    let maintenance: BufferedFileWriter
    let outages: BufferedFileWriter
    /// First write error; the runner rethrows it after the cluster finishes.
    private(set) var error: Error?

    init(clusterName: String, calendar: SimCalendar, pue: Double, tariff: EnergyTariff = EnergyTariff(), timeseriesPath: String, powerEventsPath: String,
         migrationsPath: String, drsPassesPath: String, maintenancePath: String, outagesPath: String) throws {
        clusterCell = CSVNumber.text(clusterName)
        self.calendar = calendar
        self.pue = pue
        self.tariff = tariff
        emissions = EmissionMeter(tariff: tariff)
        timeseries = try BufferedFileWriter(path: timeseriesPath)
        powerEvents = try BufferedFileWriter(path: powerEventsPath)
        migrations = try BufferedFileWriter(path: migrationsPath)
        drsPasses = try BufferedFileWriter(path: drsPassesPath)
        maintenance = try BufferedFileWriter(path: maintenancePath)
        outages = try BufferedFileWriter(path: outagesPath)
    }

    private func seconds(_ t: SimTime?) -> String { t.map { CSVNumber.format($0.seconds, decimals: 6) } ?? "" }

    func record(maintenance m: MaintenanceRecord) {
        write([
            String((m.backOn ?? m.evacuationStart).microseconds),
            m.window >= 0 ? String(m.window + 1) : "", CSVNumber.text(m.host), clusterCell,
            seconds(m.evacuationStart), seconds(m.evacuationEnd),
            m.evacuationEnd.map { CSVNumber.format(($0 - m.evacuationStart).seconds, decimals: 6) } ?? "",
            String(m.vmsMoved), seconds(m.patchDone), seconds(m.backOn), m.status,
        ], to: maintenance)
    }

    func record(outage o: OutageRecord) {
        write([
            String((o.restarted ?? o.down).microseconds),
            CSVNumber.text(o.vm), CSVNumber.text(o.host), clusterCell, seconds(o.down), seconds(o.restarted),
            o.restarted.map { CSVNumber.format(($0 - o.down).seconds, decimals: 6) } ?? "",
            CSVNumber.text(o.restartHost), o.reason,
        ], to: outages)
    }

    func record(drsPass p: DRSPassRecord) {
        write([
            String(p.time.microseconds),
            CSVNumber.format(p.time.seconds, decimals: 3), calendar.timestamp(p.time), clusterCell,
            String(p.hostsOn),
            CSVNumber.format(p.chlsdBefore, decimals: 6), CSVNumber.format(p.chlsdAfter, decimals: 6),
            CSVNumber.format(p.thlsd, decimals: 6), CSVNumber.format(p.pairwiseGap, decimals: 6), p.trigger,
        ] + p.recommended.map(String.init) + [
            String(p.applied), String(p.skippedPriority), String(p.skippedCostBenefit),
            String(p.skippedAutomation), String(p.skippedRejected), String(p.candidatesEvaluated),
            p.algorithm.rawValue,
        ] + (p.scoreBuckets?.map(String.init) ?? ["", "", "", "", ""]) + [optional(p.clusterScore)], to: drsPasses)
    }

    func record(migration m: MigrationRecord) {
        write([
            String(m.finished.microseconds),
            CSVNumber.text(m.vm), clusterCell, CSVNumber.text(m.source), CSVNumber.text(m.destination),
            m.reason.rawValue,
            CSVNumber.format(m.requested.seconds, decimals: 6),
            m.started.map { CSVNumber.format($0.seconds, decimals: 6) } ?? "",
            CSVNumber.format(m.finished.seconds, decimals: 6),
            CSVNumber.format(m.queuedSeconds, decimals: 6),
            String(m.precopyRounds),
            CSVNumber.format(m.memoryMB, decimals: 3),
            CSVNumber.format(m.transferredMB, decimals: 3),
            CSVNumber.format(m.storageMB, decimals: 3),
            CSVNumber.format(m.bandwidthMbpsAverage, decimals: 3),
            CSVNumber.format(m.durationSeconds, decimals: 6),
            CSVNumber.format(m.downtimeMS, decimals: 3),
            String(m.lostPings), CSVNumber.bool(m.sdpsEngaged), m.outcome.rawValue, m.detail.rawValue,
        ], to: migrations)
    }

    func record(sample r: TimeseriesRow) {
        let cells: [String] = [
            String(r.time.microseconds),
            CSVNumber.format(r.time.seconds, decimals: 3),
            calendar.timestamp(r.time),
            clusterCell,
            String(r.hostsOn), String(r.hostsStandby), String(r.hostsTransitioning),
            String(r.hostsMaintenance), String(r.hostsFailed),
            String(r.vmsRunning), String(r.vmsDown),
            CSVNumber.format(r.cpuDemandMHz, decimals: 1),
            CSVNumber.format(r.cpuCapacityMHz, decimals: 1),
            CSVNumber.format(r.cpuServedMHz, decimals: 1),
            CSVNumber.format(r.cpuUnmetMHz, decimals: 1),
            CSVNumber.format(r.memoryDemandMB, decimals: 1),
            CSVNumber.format(r.memoryCapacityMB, decimals: 1),
            CSVNumber.format(r.chlsd, decimals: 6),
            CSVNumber.format(r.thlsd, decimals: 6),
            CSVNumber.format(r.maxHostCPUUtilization, decimals: 6),
            CSVNumber.format(r.minHostCPUUtilization, decimals: 6),
            CSVNumber.format(r.powerW, decimals: 2),
            CSVNumber.format(r.energyKWh, decimals: 6),
            CSVNumber.format(r.energyKWh * pue, decimals: 6),
            String(r.migrationsActive), String(r.migrationsStarted), String(r.migrationsQueued),
            CSVNumber.format(r.downtimeMS, decimals: 3),
            String(r.vmsVCPUSaturated),
            optional(tariff.cost(facilityKWh: r.energyKWh * pue)),
            optional(emissions.advance(toSeconds: r.time.seconds, facilityKWh: r.energyKWh * pue)),
            CSVNumber.format(r.memoryConfiguredMB, decimals: 1),
            CSVNumber.format(r.memoryConsumedMB, decimals: 1),
            CSVNumber.format(r.memoryActiveMB, decimals: 1),
            CSVNumber.format(r.memoryBalloonedMB, decimals: 1),
            CSVNumber.format(r.memoryCompressedMB, decimals: 1),
            CSVNumber.format(r.memorySwappedMB, decimals: 1),
            CSVNumber.format(r.memoryContentionMB, decimals: 1),
            String(r.hostsMemorySoftOrWorse),
            optional(r.drsScore),
        ]
        write(cells, to: timeseries)
    }

    func record(powerEvent e: PowerEventRecord) {
        write([
            String(e.time.microseconds),
            CSVNumber.format(e.time.seconds, decimals: 3),
            calendar.timestamp(e.time),
            CSVNumber.text(e.host), clusterCell,
            e.from.csvName, e.to.csvName, e.reason.rawValue,
        ], to: powerEvents)
    }

    /// CO₂ of the whole run (kg): the samples' total plus the interval after the last sample, whose
    /// energy reaches `facilityKWh` at the end; nil without a CO₂ intensity.
    func totalCO2Kg(endSeconds: Double, facilityKWh: Double) -> Double? {
        var meter = emissions
        return meter.advance(toSeconds: endSeconds, facilityKWh: facilityKWh)
    }

    private func optional(_ x: Double?) -> String { x.map { CSVNumber.format($0, decimals: 6) } ?? "" }

    private func write(_ cells: [String], to writer: BufferedFileWriter) {
        guard error == nil else { return }
        do { try writer.writeLine(cells) } catch { self.error = error }
    }

    /// Flushes and closes the part files.
    func close() throws {
        if let error { throw error }
        try timeseries.close()
        try powerEvents.close()
        try migrations.close()
        try drsPasses.close()
        try maintenance.close()
        try outages.close()
    }
}
