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

/// Host lifecycle (docs/model.md, Host power states; Maintenance, patching, failures, HA): the
/// power-state machine's decisions and the tables they keep — per-host maintenance, standby and
/// repair bookkeeping, maintenance records, rolling patch windows (HostLifecycle+Windows.swift),
/// random failure streams, VM outages and HA restarts (HostLifecycle+HA.swift). Its methods update
/// these tables and return what the runtime must do: a ``HostTransition`` to apply, a row to
/// record, a host to put in maintenance, a restart destination. The runtime's glue
/// (ClusterRuntime+HostLifecycle.swift) applies them and is the only writer of host power states
/// (through ``ClusterState/setHostState(_:_:)``, from ``ClusterRuntime/setHostState(_:to:reason:)``).
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

    /// The VMs promised to booting host `h`, which no longer promises them.
    private mutating func takePromised(_ h: Int) -> [Int32] {
        defer { promised[h] = [] }
        return promised[h]
    }
}

/// A host state change decided by host lifecycle: the runtime applies it through
/// ``ClusterRuntime/setHostState(_:to:reason:)``, then arms the host's timer for `timer` when given.
struct HostTransition: Equatable {
    let to: HostPowerState
    let reason: PowerEventReason
    var timer: SimTime? = nil
}

/// What a host's timed step leads to (``HostLifecycle/timerFired(_:in:now:bootTime:)``).
enum HostTimerOutcome: Equatable {
    case transition(HostTransition)
    /// A timed maintenance ended: the host leaves maintenance without a reboot.
    case exitMaintenance
    case nothing
}

/// The power-state machine: on → entering_standby → shutting_down → standby → booting → on;
/// on → entering_maintenance → maintenance → (booting) → on; any → failed → booting → on. Timed
/// steps (shutdown, boot, patch, timed maintenance, repair) run on a per-host timer.
extension HostLifecycle {
    /// Host `h` (in `state`) starts maintenance for `purpose`: the bookkeeping and its maintenance
    /// record are opened, and the transition to `entering_maintenance` is returned (nil unless `on`).
    mutating func enterMaintenance(_ h: Int, in state: HostPowerState, purpose: HostPurpose, duration: SimTime,
                                   window: Int, host name: String, now: SimTime) -> HostTransition? {
        guard state == .on else { return nil }
        self.purpose[h] = purpose
        maintenanceDuration[h] = duration
        self.window[h] = Int32(window)
        reason[h] = .maintenance
        record[h] = MaintenanceRecord(window: window, host: name, evacuationStart: now, evacuationEnd: nil, vmsMoved: 0,
                                      patchDone: nil, backOn: nil, status: "incomplete")
        return HostTransition(to: .enteringMaintenance, reason: .maintenance)
    }

    /// Host `h` (in `state`) leaves `on` for standby for `reason` (nil unless `on`).
    mutating func enterStandby(_ h: Int, in state: HostPowerState, reason: PowerEventReason) -> HostTransition? {
        guard state == .on else { return nil }
        purpose[h] = .standby
        self.reason[h] = reason
        return HostTransition(to: .enteringStandby, reason: reason)
    }

    /// A standby host is woken for `reason`: it boots for `bootTime` (nil unless in standby).
    mutating func wake(_ h: Int, in state: HostPowerState, reason: PowerEventReason, bootTime: SimTime) -> HostTransition? {
        guard state == .standby else { return nil }
        self.reason[h] = reason
        return HostTransition(to: .booting, reason: reason, timer: bootTime)
    }

    /// Host `h`'s timed step finished: a shutdown ends in standby, a boot in `on`, a patch in a
    /// reboot, a timed maintenance in leaving maintenance, a repair in a boot.
    mutating func timerFired(_ h: Int, in state: HostPowerState, now: SimTime, bootTime: SimTime) -> HostTimerOutcome {
        timer[h] = .invalid
        switch state {
        case .shuttingDown:
            purpose[h] = .none
            return .transition(HostTransition(to: .standby, reason: reason[h]))
        case .booting:
            return .transition(HostTransition(to: .on, reason: reason[h]))
        case .maintenance where purpose[h] == .patch:
            record[h]?.patchDone = now
            reason[h] = .maintenance
            return .transition(HostTransition(to: .booting, reason: .maintenance, timer: bootTime))
        case .maintenance:
            return .exitMaintenance
        case .failed:
            purpose[h] = .repair
            reason[h] = .repair
            return .transition(HostTransition(to: .booting, reason: .repair, timer: bootTime))
        default:
            return .nothing
        }
    }

    /// Host `h` (in `state`) is empty: standby goes on to shut down for `shutdownTime`; maintenance
    /// closes the evacuation and waits for the patch, the timed maintenance's end, or an exit.
    mutating func evacuationDone(_ h: Int, in state: HostPowerState, now: SimTime, shutdownTime: SimTime,
                                 windows configs: [MaintenanceWindowConfig]) -> HostTransition? {
        switch state {
        case .enteringStandby:
            return HostTransition(to: .shuttingDown, reason: reason[h], timer: shutdownTime)
        case .enteringMaintenance:
            record[h]?.evacuationEnd = now
            switch purpose[h] {
            case .patch: return HostTransition(to: .maintenance, reason: .maintenance, timer: window[h] >= 0 ? configs[Int(window[h])].patchTime : .zero)
            case .maintenanceTimed: return HostTransition(to: .maintenance, reason: .maintenance, timer: maintenanceDuration[h])
            default: return HostTransition(to: .maintenance, reason: .maintenance)
            }
        default:
            return nil
        }
    }

    /// A VM cannot leave host `h` (in `state`): it returns to `on`. A maintenance record ends
    /// `stuck` (returned for recording) and a rolling window stops there, as Update Manager does.
    mutating func evacuationStuck(_ h: Int, in state: HostPowerState, now: SimTime) -> (record: MaintenanceRecord?, transition: HostTransition) {
        var stuck: MaintenanceRecord?
        if state == .enteringMaintenance, var r = record[h] {
            r.status = "stuck"
            r.backOn = now
            stuck = r
            record[h] = nil
            if window[h] >= 0 { windows[Int(window[h])].stopped = true }
        }
        let back = HostTransition(to: .on, reason: state == .enteringMaintenance ? .maintenance : reason[h])
        purpose[h] = .none
        return (stuck, back)
    }

    /// Host `h` is on again: its maintenance record is done (returned for recording; a window
    /// counts the host patched) and its purpose ends. Returns whether it was being repaired.
    mutating func cameOn(_ h: Int, now: SimTime) -> (record: MaintenanceRecord?, wasRepair: Bool) {
        var done: MaintenanceRecord?
        if var r = record[h] {
            r.backOn = now
            r.status = "done"
            done = r
            record[h] = nil
            if window[h] >= 0 { windows[Int(window[h])].patched += 1 }
        }
        let wasRepair = purpose[h] == .repair
        purpose[h] = .none
        return (done, wasRepair)
    }

    /// Host `h` fails: its open maintenance record ends `failed` (returned for recording).
    mutating func failRecord(_ h: Int) -> MaintenanceRecord? {
        guard var r = record[h] else { return nil }
        r.status = "failed"
        record[h] = nil
        return r
    }

    /// Host `h` fails at `now` (its window slot already released): the outages of its VMs open and
    /// it waits for its repair (a boot follows, ``timerFired(_:in:now:bootTime:)``). Returns its VMs
    /// in HA restart order (``restartOrder(onHost:_:)``) and the VMs it was promised to while booting.
    mutating func hostFails(_ h: Int, _ vms: VMTable, now: SimTime) -> (victims: [Int], promised: [Int]) {
        let victims = Self.restartOrder(onHost: h, vms)
        for v in victims {
            outageStart[v] = now
            outageHost[v] = Int32(h)
        }
        purpose[h] = .none
        reason[h] = .repair
        return (victims, takePromised(h).map(Int.init))
    }

    /// The reason of host `h`'s evacuation moves: DPM's, a manual power-off's, or maintenance.
    func evacuationReason(_ h: Int) -> MigrationReason {
        purpose[h] == .standby && reason[h] == .dpm ? .dpmEvacuate : (purpose[h] == .standby ? .manual : .maintenance)
    }

    /// Maintenance records still open at the end of the run (then closed), in host order.
    mutating func openMaintenanceRecords() -> [MaintenanceRecord] {
        let open = record.compactMap { $0 }
        record = Array(repeating: nil, count: record.count)
        return open
    }

    /// The hosts in `states` entering maintenance (the HA failover check excludes them all).
    static func enteringMaintenance(_ states: [HostPowerState]) -> [Int] {
        states.indices.filter { states[$0] == .enteringMaintenance }
    }
}
