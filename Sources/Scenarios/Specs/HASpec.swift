/// vSphere HA settings (docs/model.md "Maintenance, patching, failures, HA"); scenario-level
/// defaults, overridden key by key per cluster.
public struct HASpec: Codable, Hashable, Sendable {
    /// Whether HA restarts the VMs of a failed host. Default false (vSphere's default for a new cluster).
    public var enabled = false
    /// Delay between a host failure and the power-on of its VMs elsewhere: HA's failure
    /// detection. Default 15 s (docs/model.md "Maintenance, patching, failures, HA", [SDK-Detect]);
    /// each VM's guest `boot_time` adds to its outage.
    public var restartTime = DurationValue.seconds(15)
    /// HA admission control (a block, or `true`/`false`). Default: the percentage policy
    /// tolerating one host failure.
    public var admissionControl = AdmissionControlSpec()

    /// vSphere's defaults.
    public init() {}

    /// Concurrent HA restarts per host, vSphere's fixed limit (no scenario key; docs/model.md
    /// "HA admission control and restarts", [YB-RestartPrio]).
    public static let maxConcurrentRestartsPerHost = 32

    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled
        case restartTime = "restart_time"
        case admissionControl = "admission_control"
    }
}

extension HASpec {
    /// Reads an `ha:` block; keys it does not give keep the values of `defaults`.
    init(reading m: MappingReader<CodingKeys>, defaults: HASpec) {
        self = defaults
        if let value = m.bool(.enabled) { enabled = value }
        if let value = m.duration(.restartTime) { restartTime = value }
        if let node = m.node(.admissionControl),
           let value = AdmissionControlSpec.read(node, defaults: defaults.admissionControl) {
            admissionControl = value
        }
    }
}
