import SimKernel

/// Something the scenario's `events:` list makes happen at a given time in one cluster.
public enum ClusterAction: Sendable {
    /// A manual vMotion of VM `vm` to host `to` (reason `manual`).
    case migrate(vm: Int32, to: Int32)
    /// Maintenance mode: evacuate, then stay in maintenance for `duration` (nil: until `exitMaintenance`).
    case enterMaintenance(host: Int32, duration: SimTime?)
    case exitMaintenance(host: Int32)
    /// The host fails; repaired after `repairAfter` (nil: the cluster's repair time).
    case failHost(host: Int32, repairAfter: SimTime?)
    case repairHost(host: Int32)
    /// Manual standby (evacuate, shut down) and wake-up.
    case powerOffHost(host: Int32)
    case powerOnHost(host: Int32)
}

/// A ``ClusterAction`` at a simulated time.
public struct ScheduledAction: Sendable {
    public var at: SimTime
    public var action: ClusterAction
    public init(at: SimTime, action: ClusterAction) { self.at = at; self.action = action }
}

/// A rolling patch window (Update Manager style, docs/model.md "Maintenance, patching, failures,
/// HA"): hosts are taken `hostsAtOnce` at a time through evacuate → install (`patchTime`) → reboot → exit maintenance.
public struct MaintenanceWindowConfig: Sendable {
    public var start: SimTime
    public var hostsAtOnce: Int
    public var patchTime: SimTime
    /// Hosts to patch, in order.
    public var hosts: [Int32]
    public init(start: SimTime, hostsAtOnce: Int, patchTime: SimTime, hosts: [Int32]) {
        self.start = start; self.hostsAtOnce = hostsAtOnce; self.patchTime = patchTime; self.hosts = hosts
    }
}

/// Random host failures: exponential times to failure with mean `mtbf` per host (nil: none),
/// and a fixed repair time (also used by `fail_host` events without `repair_after`).
public struct FailureConfig: Sendable {
    public var mtbf: SimTime?
    public var repairTime: SimTime
    public init(mtbf: SimTime?, repairTime: SimTime) { self.mtbf = mtbf; self.repairTime = repairTime }
}
