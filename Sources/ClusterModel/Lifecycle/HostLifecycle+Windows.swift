import SimKernel

/// Progress of one rolling patch window.
struct WindowProgress {
    var started: SimTime?
    var next = 0
    var inFlight = 0
    var stopped = false
    var finished: SimTime?
    var patched = 0
}

/// Rolling patch windows (docs/model.md, Maintenance, patching, failures, HA): a window takes its
/// hosts in list order, at most `hosts_at_once` at a time, each through maintenance with purpose
/// patch; a host that is failed or already in maintenance is skipped, one still powering down or
/// booting holds the window until it is on, and a stuck host stops the window. DPM is suspended
/// while a window runs (``activeWindows``).
extension HostLifecycle {
    /// Window `w` starts at `now`.
    mutating func startWindow(_ w: Int, at now: SimTime) {
        windows[w].started = now
        activeWindows += 1
    }

    /// The next host of window `w` to put in maintenance now, counted in flight; nil when the
    /// window may start no host now. `states` are the hosts' power states at the call: the runtime
    /// puts each host in maintenance before it asks for the next, since that may wake hosts.
    mutating func nextWindowHost(_ w: Int, _ config: MaintenanceWindowConfig, states: [HostPowerState]) -> Int? {
        while !windows[w].stopped && windows[w].inFlight < config.hostsAtOnce && windows[w].next < config.hosts.count {
            let h = Int(config.hosts[windows[w].next])
            let state = states[h]
            if state == .booting || state == .shuttingDown || state == .enteringStandby {
                return nil   // woken for the window (or still powering down): wait until it is on
            }
            windows[w].next += 1
            guard state == .on else { continue }   // failed or already in maintenance: skipped
            windows[w].inFlight += 1
            return h
        }
        return nil
    }

    /// Ends window `w` at `now` when no host is in flight and none is left (or it stopped):
    /// returns its progress once, for the run's summary; nil otherwise.
    mutating func finishWindowIfDone(_ w: Int, _ config: MaintenanceWindowConfig, at now: SimTime) -> WindowProgress? {
        let p = windows[w]
        guard p.inFlight == 0 && p.finished == nil && (p.stopped || p.next >= config.hosts.count) else { return nil }
        windows[w].finished = now
        activeWindows -= 1
        return windows[w]
    }

    /// Host `h` of a window is back on, failed or stuck: frees its slot and returns its window
    /// (which may continue), or nil when `h` was in no window.
    mutating func releaseWindowSlot(_ h: Int) -> Int? {
        let w = Int(window[h])
        guard w >= 0 else { return nil }
        window[h] = -1
        windows[w].inFlight -= 1
        return w
    }

    /// Whether window `w` runs with no host in flight (it waits for a host to boot).
    func windowIsIdle(_ w: Int) -> Bool {
        windows[w].started != nil && windows[w].finished == nil && windows[w].inFlight == 0
    }

    /// Whether a running window still has host `h` to patch (a host that powered down meanwhile is woken).
    func windowWants(_ h: Int, _ configs: [MaintenanceWindowConfig]) -> Bool {
        windows.indices.contains { w in
            windows[w].started != nil && windows[w].finished == nil && configs[w].hosts[windows[w].next...].contains(Int32(h))
        }
    }
}
