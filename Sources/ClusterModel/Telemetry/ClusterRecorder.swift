/// Receives a cluster's output rows as the simulation produces them, in time order.
///
/// The runtime never formats or stores rows; an implementation streams them to CSV (Experiments)
/// or collects them (tests). Implementations are owned by one cluster run and not shared.
public protocol ClusterRecorder: AnyObject {
    /// One `timeseries.csv` row per sample.
    func record(sample row: TimeseriesRow)
    /// One `power_events.csv` row per host state change.
    func record(powerEvent: PowerEventRecord)
    /// One `migrations.csv` row per migration request, when it ends.
    func record(migration: MigrationRecord)
    /// One `drs_passes.csv` row per DRS pass.
    func record(drsPass: DRSPassRecord)
    /// One `maintenance.csv` row per host through maintenance.
    func record(maintenance: MaintenanceRecord)
    /// One `outages.csv` row per VM outage caused by a host failure.
    func record(outage: OutageRecord)
}

/// A recorder that keeps every row in memory: for tests and small runs.
public final class CollectingRecorder: ClusterRecorder {
    public private(set) var samples: [TimeseriesRow] = []
    public private(set) var powerEvents: [PowerEventRecord] = []
    public private(set) var migrations: [MigrationRecord] = []
    public init() {}
    public private(set) var drsPasses: [DRSPassRecord] = []
    public func record(migration: MigrationRecord) { migrations.append(migration) }
    public func record(drsPass: DRSPassRecord) { drsPasses.append(drsPass) }
    public private(set) var maintenance: [MaintenanceRecord] = []
    public private(set) var outages: [OutageRecord] = []
    public func record(maintenance m: MaintenanceRecord) { maintenance.append(m) }
    public func record(outage o: OutageRecord) { outages.append(o) }
    public func record(sample row: TimeseriesRow) { samples.append(row) }
    public func record(powerEvent: PowerEventRecord) { powerEvents.append(powerEvent) }
}
