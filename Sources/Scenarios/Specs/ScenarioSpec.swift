/// A whole scenario file, schema_version 1 (docs/scenario-format.md), with every default filled in.
///
/// Produced by ``ScenarioLoader`` (which reads the YAML with key paths and line numbers, applies
/// `--set` overrides and validates); encodes back to YAML as `scenario.resolved.yaml`. The
/// `drs`/`dpm`/`vmotion`/`ha` blocks here are the scenario-level defaults; each cluster holds its
/// effective settings.
public struct ScenarioSpec: Codable, Hashable, Sendable {
    /// Format version (required, must be 1).
    public var schemaVersion: Int
    /// Scenario name, also the name of its output folder (required).
    public var name: String
    /// Master seed; replication k of a sweep uses `seed + k`. Default 1.
    public var seed: UInt64 = 1
    /// Calendar time of t = 0 (UTC). Default 2026-01-05T00:00:00Z, a Monday.
    public var start = Timestamp.defaultStart
    /// Simulated time span (required, > 0).
    public var duration: DurationValue
    /// Interval between workload samples (> 0). Default 5 min.
    public var sampleInterval = DurationValue.minutes(5)
    /// Power usage effectiveness: facility energy = IT energy × pue (≥ 1). Default 1.0.
    public var pue = 1.0
    /// Energy price per kWh (any currency), for cost columns. Default none.
    public var pricePerKWh: Double?
    /// Grams of CO₂ per kWh, for emission columns. Default none.
    public var co2GramsPerKWh: Double?
    /// CSV file of hourly CO₂ intensities (column `g_per_kwh`, one row per hour from `start`,
    /// repeated when the run is longer), instead of `co2_g_per_kwh`. Relative to the scenario's folder.
    public var co2Trace: String?
    /// Compound CPU demand growth per 30 days for every VM profile whose `workload.cpu` gives no
    /// `growth_per_month` of its own (docs/planning.md). Default none (each profile's own, 0).
    public var growthPerMonth: Double?
    /// Months of growth already elapsed at t = 0: growth(t) = (1 + g)^(growth_offset_months + t / 30 d).
    /// `drsim plan runway` simulates month m as a run with `growth_offset_months: m`. Default 0.
    public var growthOffsetMonths = 0.0
    /// License cost per licensed core per month (any currency); a CPU counts at least 16 cores
    /// (docs/planning.md). Default none.
    public var licensePerCore: Double?
    /// What-if: the k hosts of largest CPU capacity of every cluster start failed and stay failed
    /// (`drsim plan`'s `n_plus_1` runs with 1). Default 0.
    public var failedLargestHosts = 0
    /// Default `vsphere_version` of every cluster (a cluster's own key overrides it). Default "6.7".
    public var vsphereVersion = "6.7"
    /// Default DRS settings of every cluster.
    public var drs = DRSSpec()
    /// Default DPM settings of every cluster.
    public var dpm = DPMSpec()
    /// Default vMotion settings of every cluster.
    public var vmotion = VMotionSpec()
    /// Default HA settings of every cluster.
    public var ha = HASpec()
    /// Host profiles (required, non-empty).
    public var hostProfiles: [HostProfileSpec]
    /// VM profiles (required, non-empty).
    public var vmProfiles: [VMProfileSpec]
    /// Clusters (required, non-empty).
    public var clusters: [ClusterSpec]
    /// Scheduled actions and faults. Default none.
    public var events: [EventSpec] = []
    /// Rolling patch windows. Default none.
    public var maintenanceWindows: [MaintenanceWindowSpec] = []
    /// Random host failures. Default none.
    public var failures: FailuresSpec?
    /// Sweep axes and replications (used by `drsim sweep`). Default none.
    public var sweep: SweepSpec?

    /// A scenario with every optional key at its default.
    public init(name: String, duration: DurationValue, hostProfiles: [HostProfileSpec],
                vmProfiles: [VMProfileSpec], clusters: [ClusterSpec]) {
        self.schemaVersion = 1
        self.name = name
        self.duration = duration
        self.hostProfiles = hostProfiles
        self.vmProfiles = vmProfiles
        self.clusters = clusters
    }

    /// The index of the host profile called `name`.
    public func hostProfileIndex(named name: String) -> Int? {
        hostProfiles.firstIndex { $0.name == name }
    }

    /// The index of the VM profile called `name`.
    public func vmProfileIndex(named name: String) -> Int? {
        vmProfiles.firstIndex { $0.name == name }
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case name, seed, start, duration
        case sampleInterval = "sample_interval"
        case pue
        case pricePerKWh = "price_per_kwh"
        case co2GramsPerKWh = "co2_g_per_kwh"
        case co2Trace = "co2_trace"
        case growthPerMonth = "growth_per_month"
        case growthOffsetMonths = "growth_offset_months"
        case licensePerCore = "license_per_core"
        case failedLargestHosts = "failed_largest_hosts"
        case vsphereVersion = "vsphere_version"
        case drs, dpm, vmotion, ha
        case hostProfiles = "host_profiles"
        case vmProfiles = "vm_profiles"
        case clusters, events
        case maintenanceWindows = "maintenance_windows"
        case failures, sweep
    }
}
