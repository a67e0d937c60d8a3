import SimKernel

/// DPM works for the other policies (docs/model.md, DPM; HA admission control and restarts): when an
/// HA restart, an admission (power-on, churn arrival), a maintenance evacuation or a `must` rule
/// needs a host that no `on` host can be, DPM brings a standby host out of standby (priority 1)
/// and the request waits for its boot instead of failing. With HA admission control, DPM also
/// wakes a host when the cluster has lost its failover capacity.
extension ClusterRuntime {
    /// Whether DPM powers hosts on by itself (enabled and `automatic`; `manual` only recommends).
    var dpmWakesHosts: Bool { config.dpm.enabled && config.dpm.automation == .automatic }

    /// Asks DPM for a host that can run VM `v`: a host already booting for it or with room left
    /// after what it was woken for, else the standby host with the most CPU that can run it.
    /// Returns whether a host is booting for the VM (the caller then waits for it).
    @discardableResult
    func requestHost(for v: Int) -> Bool {
        guard dpmWakesHosts else { return false }
        let vm = Int32(v)
        for h in 0..<hosts.count where hosts.state[h] == .booting && lifecycle.promised[h].contains(vm) { return true }
        for h in 0..<hosts.count where hosts.state[h] == .booting && couldHost(v, whenOn: h) {
            lifecycle.promised[h].append(vm)
            return true
        }
        var best = -1
        for h in 0..<hosts.count where hosts.state[h] == .standby && couldHost(v, whenOn: h) {
            if best < 0 || hosts.cpuCapacityMHz[h] > hosts.cpuCapacityMHz[best] { best = h }
        }
        guard best >= 0 else { return false }
        wake(best, reason: .dpm)
        lifecycle.promised[best] = [vm]
        return true
    }

    /// Whether VM `v` could run on powered-off host `h` once it is on: the host mounts its
    /// datastore, has its network label and EVC vendor, its `must` and anti-affinity rules allow
    /// it next to the VMs already promised to `h`, and `h` has memory for them all.
    func couldHost(_ v: Int, whenOn h: Int) -> Bool {
        guard vmotion.canRun(v, datastore: vms.datastore[v], on: h) else { return false }
        let promised = lifecycle.promised[h]
        guard rules.allows(v, on: h, strictness: .hard, hostOf: { promised.contains(Int32($0)) ? Int32(h) : noIndex }) else { return false }
        let used = promised.reduce(vms.footprintMB[v]) { $0 + vms.footprintMB[Int($1)] }
        return used <= hosts.memoryCapacityMB[h]
    }

    /// Wakes a standby host to restore HA failover capacity, unless a host is already booting.
    /// Returns whether a host is booting.
    @discardableResult
    func requestFailoverCapacity() -> Bool {
        guard dpmWakesHosts else { return false }
        if hosts.state.contains(.booting) { return true }
        guard let h = bestStandbyHost() else { return false }
        wake(h, reason: .dpm)
        return true
    }

    /// A host woken on request is on: VMs waiting for it to be admitted are placed now (HA
    /// restarts waiting for capacity are retried by ``restartWaitingVMs(repairedHost:)``).
    func admitPromisedVMs(_ h: Int) {
        let promised = lifecycle.promised[h]
        lifecycle.promised[h] = []
        for v in promised.map(Int.init) where vms.host[v] == noIndex && vms.downReason[v] == .noCapacity {
            placeVM(v)
        }
    }
}
