import SimKernel

/// One row of `maintenance.csv`: a host taken through maintenance mode.
public struct MaintenanceRecord: Sendable {
    /// Index of the maintenance window (0-based), or -1 for an `enter_maintenance` event.
    public var window: Int
    public var host: String
    public var evacuationStart: SimTime
    public var evacuationEnd: SimTime?
    public var vmsMoved: Int
    /// When patching finished (windows only).
    public var patchDone: SimTime?
    /// When the host was `on` again.
    public var backOn: SimTime?
    /// `done`, `stuck` (a VM could not leave: rules or capacity) or `incomplete` (run ended).
    public var status: String
}

/// One row of `outages.csv`: a VM down because its host failed.
public struct OutageRecord: Sendable {
    public var vm: String
    public var host: String
    public var down: SimTime
    /// When it ran again (nil: still down at the end of the run).
    public var restarted: SimTime?
    /// Where it was restarted.
    public var restartHost: String
    /// `ha_restart`, `host_repair` (no HA: restarted when its host came back) or `still_down`.
    public var reason: String
}
