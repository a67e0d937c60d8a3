/// vSphere HA settings (DESIGN §4.7); scenario-level defaults, overridden key by key per cluster.
public struct HASpec: Codable, Hashable, Sendable {
    /// Whether HA restarts the VMs of a failed host. Default false (vSphere's default for a new cluster).
    public var enabled = false
    /// Delay between a host failure and the power-on of its VMs elsewhere: HA's failure
    /// detection. Default 15 s (vmware-facts-2 §3, [SDK-Detect]); each VM's guest `boot_time`
    /// adds to its outage.
    public var restartTime = DurationValue.seconds(15)
    /// HA admission control (a block, or `true`/`false`). Default: the percentage policy
    /// tolerating one host failure.
    public var admissionControl = AdmissionControlSpec()

    /// vSphere's defaults.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case enabled
        case restartTime = "restart_time"
        case admissionControl = "admission_control"
    }
}

extension HASpec {
    /// Reads an `ha:` block; keys it does not give keep the values of `defaults`.
    init(reading m: MappingReader, defaults: HASpec) {
        self = defaults
        if let value = m.bool("enabled") { enabled = value }
        if let value = m.duration("restart_time") { restartTime = value }
        if let node = m.node("admission_control"),
           let value = AdmissionControlSpec.read(node, defaults: defaults.admissionControl) {
            admissionControl = value
        }
    }
}
