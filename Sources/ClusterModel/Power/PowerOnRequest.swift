/// DPM works for the other policies (docs/model.md, DPM; HA admission control and restarts): when
/// an HA restart, an admission (power-on, churn arrival), a maintenance evacuation or a `must`
/// rule needs a host that no `on` host can be, DPM brings a standby host out of standby
/// (priority 1) and the request waits for its boot instead of failing. This is the choice of
/// host for one VM; the runtime applies it (``ClusterRuntime/requestHost(for:)``).
enum PowerOnRequest: Equatable {
    /// A booting host is already promised to the VM.
    case waiting
    /// A booting host has room left after what it was woken for: promise it the VM too.
    case promise(host: Int)
    /// Wake this standby host (the one with the most CPU that can run the VM) for the VM.
    case wake(host: Int)
    /// No host can be brought out for the VM.
    case unavailable

    /// The host to bring out for VM `v`: a host already booting for it or with room left after
    /// what it was woken for (`promised`: the VMs each booting host was woken for), else the
    /// standby host with the most CPU that can run it.
    static func plan(_ v: Int, hosts: HostTable, vms: VMTable, vmotion: VMotionCompatibility, rules: RuleBook,
                     promised: [[Int32]]) -> PowerOnRequest {
        let vm = Int32(v)
        for h in 0..<hosts.count where hosts.state[h] == .booting && promised[h].contains(vm) { return .waiting }
        for h in 0..<hosts.count where hosts.state[h] == .booting
            && couldHost(v, whenOn: h, hosts: hosts, vms: vms, vmotion: vmotion, rules: rules, promised: promised[h]) {
            return .promise(host: h)
        }
        var best = -1
        for h in 0..<hosts.count where hosts.state[h] == .standby
            && couldHost(v, whenOn: h, hosts: hosts, vms: vms, vmotion: vmotion, rules: rules, promised: promised[h]) {
            if best < 0 || hosts.cpuCapacityMHz[h] > hosts.cpuCapacityMHz[best] { best = h }
        }
        return best >= 0 ? .wake(host: best) : .unavailable
    }

    /// Whether VM `v` could run on powered-off host `h` once it is on: the host mounts its
    /// datastore, has its network label and EVC vendor, its `must` and anti-affinity rules allow
    /// it next to the VMs already `promised` to `h`, and `h` has memory for them all.
    static func couldHost(_ v: Int, whenOn h: Int, hosts: HostTable, vms: VMTable, vmotion: VMotionCompatibility, rules: RuleBook,
                          promised: [Int32]) -> Bool {
        guard vmotion.canRun(v, datastore: vms.datastore[v], on: h) else { return false }
        guard rules.allows(v, on: h, strictness: .hard, hostOf: { promised.contains(Int32($0)) ? Int32(h) : noIndex }) else { return false }
        let used = promised.reduce(vms.footprintMB[v]) { $0 + vms.footprintMB[Int($1)] }
        return used <= hosts.memoryCapacityMB[h]
    }
}
