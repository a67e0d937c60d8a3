/// Power and availability state of a host (docs/model.md "Host power states"). Only ``on`` hosts run VMs or receive
/// migrations.
public enum HostPowerState: Int8, Sendable, CaseIterable {
    case on
    case enteringStandby
    case shuttingDown
    case standby
    case booting
    case enteringMaintenance
    case maintenance
    case failed

    /// Name used in CSV outputs (`power_events.csv`).
    public var csvName: String {
        switch self {
        case .on: "on"
        case .enteringStandby: "entering_standby"
        case .shuttingDown: "shutting_down"
        case .standby: "standby"
        case .booting: "booting"
        case .enteringMaintenance: "entering_maintenance"
        case .maintenance: "maintenance"
        case .failed: "failed"
        }
    }

    /// Hosts in these states count as "on" for capacity and the timeseries `hosts_on` column:
    /// they still run VMs (being evacuated) and draw power like an on host.
    public var runsVMs: Bool {
        self == .on || self == .enteringStandby || self == .enteringMaintenance
    }
}
