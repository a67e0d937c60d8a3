/// A rolling patch window, Update Manager style (docs/model.md "Maintenance, patching, failures,
/// HA"): hosts go `hosts_at_once` at a time through evacuate → install (`patch_time`) → reboot (`boot_time`) → exit maintenance; DPM is
/// suspended in the cluster while the window runs.
public struct MaintenanceWindowSpec: Codable, Hashable, Sendable {
    /// Cluster name (required).
    public var cluster: String
    /// Time since the start of the run (required).
    public var start: DurationValue
    /// Hosts patched at the same time (≥ 1, fewer than the hosts patched). Default 1.
    public var hostsAtOnce = 1
    /// Install time per host, before its reboot. Default 30 min.
    public var patchTime = DurationValue.minutes(30)
    /// Hosts to patch, in this order. Default: every host of the cluster, in cluster order.
    public var hosts: [String]?

    /// A window patching the whole cluster one host at a time.
    public init(cluster: String, start: DurationValue) {
        self.cluster = cluster
        self.start = start
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case cluster, start
        case hostsAtOnce = "hosts_at_once"
        case patchTime = "patch_time"
        case hosts
    }
}

extension MaintenanceWindowSpec {
    /// Reads one element of `maintenance_windows:`.
    init(reading m: MappingReader<CodingKeys>) {
        self.init(cluster: m.required(.cluster) { $0.string() } ?? "",
                  start: m.required(.start) { $0.duration() } ?? .zero)
        if let value = m.int(.hostsAtOnce) { hostsAtOnce = value }
        if let value = m.duration(.patchTime) { patchTime = value }
        hosts = m.stringList(.hosts)
    }
}
