import SimKernel

/// Where HA restarts a VM (``HostLifecycle/chooseRestartHost(_:in:vmotion:rules:ha:now:)``).
enum RestartChoice: Equatable {
    /// Restart it on this host (one of the host's restart slots is taken).
    case host(Int)
    /// Hosts could take it but all their restart slots are busy: try again at this time.
    case retry(at: SimTime)
    /// No host can hold it: it waits for capacity.
    case wait
}

/// Random failures, VM outages and HA restarts (docs/model.md, Maintenance, patching, failures,
/// HA; HA admission control and restarts).
extension HostLifecycle {
    /// How long a restart holds one of a host's concurrent restart slots. [I] 10 s: vSphere gives
    /// the limit (32 per host, [YB-RestartPrio]) but not a power-on's duration.
    static let restartSlotTime = SimTime.seconds(10)

    /// When host `h`'s next random failure comes after `now` (exponential with mean `mtbf`,
    /// stream `failure/<host>`), or nil without an MTBF.
    mutating func nextFailure(_ h: Int, mtbf: SimTime?, now: SimTime) -> SimTime? {
        guard let mtbf else { return nil }
        return now + SimTime.seconds(failureStreams[h].exponential(mean: mtbf.seconds))
    }

    /// The VMs on host `h` in HA restart order: highest restart priority first, then by index
    /// (equal-time restart events run in insertion order).
    static func restartOrder(onHost h: Int, _ vms: VMTable) -> [Int] {
        (0..<vms.count).filter { Int(vms.host[$0]) == h }
            .sorted { (-vms.configs[$0].restartPriority, $0) < (-vms.configs[$1].restartPriority, $1) }
    }

    /// The VMs waiting for an HA restart (down, `ha_no_capacity`), highest restart priority first,
    /// then by index (priority `disabled` never waits).
    static func waitingRestarts(_ vms: VMTable) -> [Int] {
        var order: [Int] = []
        for priority in stride(from: 5, through: 1, by: -1) {
            for v in 0..<vms.count where vms.host[v] == noIndex && vms.downReason[v] == .haNoCapacity
                && vms.configs[v].restartPriority == priority {
                order.append(v)
            }
        }
        return order
    }

    /// Counts the VMs waiting for an HA restart again (after a retry round).
    mutating func recountWaiting(_ vms: VMTable) {
        haWaiting = 0
        for v in 0..<vms.count where vms.host[v] == noIndex && vms.downReason[v] == .haNoCapacity { haWaiting += 1 }
    }

    /// HA restart destination of VM `v` at `now`: among the `on` hosts that can run it
    /// (``VMotionCompatibility/canRun(_:datastore:on:)``, failover hosts included) and admit its
    /// reservations + overhead, with its `must` rules honoured (should rules ignored, as HA does),
    /// dedicated failover hosts first, then the most unreserved capacity (the smaller of the
    /// unreserved CPU and memory fractions), ties to the lower index. A host holds at most
    /// `maxConcurrentRestartsPerHost` restarts per ``restartSlotTime``; when only busy hosts could
    /// take the VM, it retries when the first slot frees. Takes a slot on the chosen host.
    /// `ha`: the HA settings and its dedicated failover hosts (``HAAdmissionControl``).
    mutating func chooseRestartHost(_ v: Int, in state: ClusterState, vmotion: VMotionCompatibility, rules: RuleBook,
                                    ha: HAAdmissionControl, now: SimTime) -> RestartChoice {
        let hosts = state.hosts, vmHost = state.vms.host
        var best = -1, bestScore = -Double.infinity, bestFailover = false
        var busyUntil = SimTime.zero
        // As placement's host check, dedicated failover hosts included.
        for h in 0..<hosts.count where state.canHost(v, on: h, vmotion: vmotion, reservedForFailover: false)
            && rules.allows(v, on: h, mustOnly: true, hostOf: { vmHost[$0] }) {
            if now - restartWindowStart[h] >= Self.restartSlotTime { restartWindowStart[h] = now; restartsInWindow[h] = 0 }
            if Int(restartsInWindow[h]) >= ha.config.maxConcurrentRestartsPerHost {
                let free = restartWindowStart[h] + Self.restartSlotTime
                busyUntil = busyUntil == .zero ? free : min(busyUntil, free)
                continue
            }
            let failover = ha.isReservedFailoverHost(h)
            let score = min(hosts.freeMemoryMB(h) / hosts.memoryCapacityMB[h], hosts.unreservedCPUMHz(h) / hosts.cpuCapacityMHz[h])
            if (failover && !bestFailover) || (failover == bestFailover && score > bestScore) {
                best = h; bestScore = score; bestFailover = failover
            }
        }
        guard best >= 0 else { return busyUntil > now ? .retry(at: busyUntil) : .wait }
        restartsInWindow[best] += 1
        return .host(best)
    }

    /// Closes VM `v`'s open outage: it runs again at `back` on host `restartHost`. Returns the
    /// `outages.csv` row, or nil when no outage was open.
    mutating func closeOutage(_ v: Int, vm name: String, hosts: [HostConfig], restartHost: Int, back: SimTime,
                              reason: String) -> OutageRecord? {
        guard outageHost[v] >= 0 else { return nil }
        defer { outageHost[v] = -1 }
        return OutageRecord(vm: name, host: hosts[Int(outageHost[v])].name, down: outageStart[v], restarted: back,
                            restartHost: hosts[restartHost].name, reason: reason)
    }

    /// Rows for the outages still open at the end of the run (then closed), in VM order.
    mutating func openOutages(vms: [VMConfig], hosts: [HostConfig]) -> [OutageRecord] {
        var rows: [OutageRecord] = []
        for v in outageHost.indices where outageHost[v] >= 0 {
            rows.append(OutageRecord(vm: vms[v].name, host: hosts[Int(outageHost[v])].name, down: outageStart[v],
                                     restarted: nil, restartHost: "", reason: "still_down"))
            outageHost[v] = -1
        }
        return rows
    }
}
