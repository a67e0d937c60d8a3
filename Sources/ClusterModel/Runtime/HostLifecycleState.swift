import SimKernel

/// Why a host is in a transitional state, so that the next transition knows where to go.
enum HostPurpose: UInt8 {
    case none
    /// DPM or a manual power-off: evacuate, shut down, standby.
    case standby
    /// Maintenance until an `exit_maintenance` event.
    case maintenanceOpen
    /// Maintenance for a fixed duration (`enter_maintenance` with `for:`).
    case maintenanceTimed
    /// Rolling patch: evacuate, patch, reboot, exit.
    case patch
    /// Booting after a repair.
    case repair
}

/// Per-host bookkeeping of the host lifecycle (maintenance, standby, failures), struct-of-arrays.
struct HostLifecycleState {
    var purpose: [HostPurpose]
    /// Reason recorded with the host's next power event.
    var reason: [PowerEventReason]
    var timer: [EventHandle]
    var evacuationCheck: [EventHandle]
    var maintenanceDuration: [SimTime]
    /// Maintenance window index of a host being patched, or -1.
    var window: [Int32]
    var record: [MaintenanceRecord?]
    /// When the host last became `on` (zero for hosts on at the start).
    var onSince: [SimTime]
    /// VMs a booting host was woken for (HA restarts, admissions, evacuations, must rules), so
    /// that one boot answers several requests and no second host is woken for the same VM.
    var promised: [[Int32]]
    /// HA restarts started on each host since `restartWindowStart` (concurrent restart limit).
    var restartsInWindow: [Int32]
    var restartWindowStart: [SimTime]

    init(hosts: Int) {
        purpose = Array(repeating: .none, count: hosts)
        reason = Array(repeating: .manual, count: hosts)
        timer = Array(repeating: .invalid, count: hosts)
        evacuationCheck = timer
        maintenanceDuration = Array(repeating: .zero, count: hosts)
        window = Array(repeating: -1, count: hosts)
        record = Array(repeating: nil, count: hosts)
        onSince = Array(repeating: .zero, count: hosts)
        promised = Array(repeating: [], count: hosts)
        restartsInWindow = Array(repeating: 0, count: hosts)
        restartWindowStart = Array(repeating: SimTime(microseconds: Int64.min / 2), count: hosts)
    }
}

/// Progress of one rolling patch window.
struct WindowProgress {
    var started: SimTime?
    var next = 0
    var inFlight = 0
    var stopped = false
    var finished: SimTime?
    var patched = 0
}
