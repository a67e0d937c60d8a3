import SimKernel
import Stochastics

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

/// What host lifecycle owns (ClusterRuntime+HostLifecycle.swift and +Evacuation.swift): per-host
/// maintenance, standby and failure bookkeeping, rolling patch windows, random failure streams,
/// VM outages and HA restarts waiting for capacity. Host lifecycle is the only writer of host power
/// states (through ``ClusterState/setHostState(_:_:)``, from
/// ``ClusterRuntime/setHostState(_:to:reason:)``).
struct HostLifecycle {
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
    /// Progress of each rolling patch window, and how many run now (DPM is suspended meanwhile).
    var windows: [WindowProgress]
    var activeWindows = 0
    /// Random failure stream of each host (`failure/<host>`; empty without an MTBF).
    var failureStreams: [RandomStream]
    /// Dedicated HA failover hosts (admission control policy `failover_hosts`).
    let failoverHost: [Bool]
    /// Per VM: when its current outage began and on which host (-1: no outage open).
    var outageStart: [SimTime]
    var outageHost: [Int32]
    /// Since when each VM has been down (meaningful while it is down; all VMs start down until placed).
    var downSince: [SimTime]
    /// VMs waiting for an HA restart (down with `ha_no_capacity`), retried at every sample.
    var haWaiting = 0

    init(_ config: ClusterConfig, seed: UInt64) {
        let hosts = config.hosts.count
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
        windows = Array(repeating: WindowProgress(), count: config.maintenanceWindows.count)
        failureStreams = config.failures.mtbf == nil ? [] : config.hosts.map { RandomStream(master: seed, name: "failure/" + $0.name) }
        failoverHost = (0..<hosts).map { config.ha.failoverHosts.contains(Int32($0)) }
        outageStart = Array(repeating: .zero, count: config.vms.count)
        outageHost = Array(repeating: -1, count: config.vms.count)
        downSince = Array(repeating: .zero, count: config.vms.count)
    }
}

extension HostLifecycle {
    /// Row `v` has a new VM arriving at `now`: no outage open, down since now, promised to no host.
    mutating func resetVM(_ v: Int, at now: SimTime) {
        outageStart[v] = .zero
        outageHost[v] = -1
        downSince[v] = now
        unpromise(v)
    }

    /// VM `v` was deleted: no outage open, promised to no host.
    mutating func forget(_ v: Int) {
        unpromise(v)
        outageHost[v] = -1
    }

    private mutating func unpromise(_ v: Int) {
        for h in promised.indices where promised[h].contains(Int32(v)) {
            promised[h].removeAll { $0 == Int32(v) }
        }
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
