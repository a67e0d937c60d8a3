/// DPM settings of a cluster (docs/model.md "DPM"); scenario-level defaults, overridden key by key per cluster.
///
/// Utilization band: `target_utilization ± tolerance` (vSphere: 63 % ± 18 % = 45–81 %).
public struct DPMSpec: Codable, Hashable, Sendable {
    /// DPM automation level (`ClusterDpmConfigInfo.defaultDpmBehavior`).
    public enum Automation: String, SpecEnum {
        /// No power recommendations at all (same effect as `enabled: false`).
        case off
        /// Power recommendations are logged, never applied.
        case manual
        /// Hosts are put in standby and woken automatically.
        case automatic
    }

    /// Whether DPM runs in the cluster. Default false (vSphere's default).
    public var enabled = false
    /// Automation level when enabled. Default `automatic` (so `dpm: {enabled: true}` acts).
    public var automation = Automation.automatic
    /// DPM threshold 1 (conservative) … 5 (aggressive), as for DRS. Default 3.
    public var threshold = 3
    /// Target host utilization (0–1). Default 0.63.
    public var targetUtilization = 0.63
    /// Tolerance around the target (0–1). Default 0.18.
    public var tolerance = 0.18
    /// Demand history for power-on decisions. Default 5 min (300 s).
    public var historyPowerOn = DurationValue.minutes(5)
    /// Demand history for power-off decisions. Default 40 min (2400 s).
    public var historyPowerOff = DurationValue.minutes(40)
    /// Hosts that stay on whatever the load. Default (nil in the file): 1, or 2 when HA is enabled;
    /// always filled in a cluster's effective settings.
    public var minHostsOn: Int?

    /// vSphere's defaults.
    public init() {}

    /// The minimum number of powered-on hosts, given whether HA is enabled.
    public func effectiveMinHostsOn(haEnabled: Bool) -> Int {
        minHostsOn ?? (haEnabled ? 2 : 1)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled, automation, threshold
        case targetUtilization = "target_utilization"
        case tolerance
        case historyPowerOn = "history_power_on"
        case historyPowerOff = "history_power_off"
        case minHostsOn = "min_hosts_on"
    }
}

extension DPMSpec {
    /// Reads a `dpm:` block; keys it does not give keep the values of `defaults`.
    init(reading m: MappingReader<CodingKeys>, defaults: DPMSpec) {
        self = defaults
        if let value = m.bool(.enabled) { enabled = value }
        if let value = m.enumValue(.automation, Automation.self) { automation = value }
        if let value = m.int(.threshold) { threshold = value }
        if let value = m.double(.targetUtilization) { targetUtilization = value }
        if let value = m.double(.tolerance) { tolerance = value }
        if let value = m.duration(.historyPowerOn) { historyPowerOn = value }
        if let value = m.duration(.historyPowerOff) { historyPowerOff = value }
        if let value = m.int(.minHostsOn) { minHostsOn = value }
    }
}
