/// HA admission control (docs/model.md, HA admission control and restarts): whether the cluster
/// keeps the failover capacity of its policy (percentage, slot or dedicated failover hosts). A
/// pure function of the host and VM tables it is given and the HA settings; the runtime asks it
/// for placement, maintenance and DPM (``ClusterRuntime/haFailoverCapacityHolds(withoutHosts:extraCPU:extraMB:adding:)``),
/// DPM's what-if evacuations through a ``PowerView``.
struct HAAdmissionControl {
    let config: HAConfig
    /// Dedicated failover hosts (policy `failover_hosts`), by host.
    let failoverHost: [Bool]

    init(_ config: HAConfig, hosts: Int) {
        self.config = config
        failoverHost = (0..<hosts).map { config.failoverHosts.contains(Int32($0)) }
    }

    /// Whether admission control is in force (HA on, a policy other than `disabled`).
    var isOn: Bool { Self.isOn(config) }

    static func isOn(_ config: HAConfig) -> Bool { config.enabled && config.admissionPolicy != .disabled }

    /// Whether `h` is a dedicated failover host that takes no VMs until a failure (policy
    /// `failover_hosts`, [API-FailoverHost]).
    func isReservedFailoverHost(_ h: Int) -> Bool {
        isOn && config.admissionPolicy == .failoverHosts && failoverHost[h]
    }

    /// Whether powering VM `v` on keeps the failover capacity: every policy counts reservations
    /// + overhead, never configured memory.
    func admits(_ v: Int, hosts: HostTable, vms: VMTable) -> Bool {
        holds(hosts: hosts, vms: vms, withoutHosts: [], extraCPU: vms.cpuReservationMHz[v], extraMB: vms.footprintMB[v], adding: v)
    }

    /// Whether the cluster keeps the failover capacity of its policy with the hosts in `excluded`
    /// gone and `extraCPU`/`extraMB` (VM `adding`'s reservations + overhead, for an admission)
    /// added. True when HA or its admission control is off; with the failover-hosts policy, a
    /// failover host never leaves.
    func holds(hosts: HostTable, vms: VMTable, withoutHosts excluded: [Int] = [], extraCPU: Double = 0, extraMB: Double = 0,
               adding v: Int = -1) -> Bool {
        guard isOn else { return true }
        switch config.admissionPolicy {
        case .clusterResourcePercentage: return percentagePolicyHolds(hosts, without: excluded, extraCPU: extraCPU, extraMemory: extraMB)
        case .slotPolicy: return slotPolicyHolds(hosts, vms, without: excluded, adding: v)
        case .failoverHosts: return !excluded.contains { failoverHost[$0] }
        case .disabled: return true
        }
    }

    /// Percentage policy: reserved CPU and memory (+ overhead) of the powered-on VMs, plus the
    /// extra, stay within the capacity of the hosts running VMs (except `without`) minus the
    /// failover percentage: `cpu_percent`/`memory_percent` when given, else derived from the host
    /// failures to tolerate as the share of the largest hosts ([VMarena-65]: HFTT / N for equal
    /// hosts; [I] the largest hosts for unequal ones).
    func percentagePolicyHolds(_ hosts: HostTable, without excluded: [Int], extraCPU: Double, extraMemory: Double) -> Bool {
        var cpuTotal = 0.0, memTotal = 0.0, cpuUsed = extraCPU, memUsed = extraMemory
        var n = 0
        for h in 0..<hosts.count where hosts.state[h].runsVMs {
            cpuUsed += hosts.cpuReservedMHz[h]
            memUsed += hosts.memoryReservedMB[h]
            guard !excluded.contains(h) else { continue }
            cpuTotal += hosts.cpuCapacityMHz[h]
            memTotal += hosts.memoryCapacityMB[h]
            n += 1
        }
        let tolerate = config.hostFailuresToTolerate
        guard n > tolerate || (config.cpuPercent != nil && config.memoryPercent != nil) else { return false }
        let cpuFailover = config.cpuPercent.map { $0 / 100 * cpuTotal }
            ?? Self.largestCapacities(hosts.cpuCapacityMHz, hosts, excluding: excluded, count: tolerate)
        let memFailover = config.memoryPercent.map { $0 / 100 * memTotal }
            ?? Self.largestCapacities(hosts.memoryCapacityMB, hosts, excluding: excluded, count: tolerate)
        return cpuUsed <= cpuTotal - cpuFailover + 1e-6 && memUsed <= memTotal - memFailover + 1e-6
    }

    /// Sum of the `count` largest capacities among the hosts running VMs, except `excluded`.
    private static func largestCapacities(_ capacity: [Double], _ hosts: HostTable, excluding excluded: [Int], count: Int) -> Double {
        var top: [Double] = []
        for h in 0..<hosts.count where hosts.state[h].runsVMs && !excluded.contains(h) {
            top.append(capacity[h])
        }
        top.sort(by: >)
        return top.prefix(count).reduce(0, +)
    }

    /// Slot policy ([KB344227], [WeVirt]): a slot is the largest CPU reservation (at least 32 MHz)
    /// and the largest memory reservation + overhead of the powered-on VMs (and `adding`); each
    /// host holds min(CPU / slot, memory / slot) slots; the VMs must fit in the slots left when the
    /// `host_failures_to_tolerate` hosts with most slots fail.
    func slotPolicyHolds(_ hosts: HostTable, _ vms: VMTable, without excluded: [Int], adding v: Int) -> Bool {
        var slotCPU = 32.0, slotMemory = 0.0
        var powered = 0
        for u in 0..<vms.count where vms.host[u] != noIndex {
            slotCPU = max(slotCPU, vms.cpuReservationMHz[u])
            slotMemory = max(slotMemory, vms.footprintMB[u])
            powered += 1
        }
        if v >= 0 {
            slotCPU = max(slotCPU, vms.cpuReservationMHz[v])
            slotMemory = max(slotMemory, vms.footprintMB[v])
            powered += 1
        }
        slotMemory = max(slotMemory, 1)
        var slots: [Int] = []
        for h in 0..<hosts.count where hosts.state[h].runsVMs && !excluded.contains(h) {
            slots.append(Int(min((hosts.cpuCapacityMHz[h] / slotCPU).rounded(.down), (hosts.memoryCapacityMB[h] / slotMemory).rounded(.down))))
        }
        slots.sort(by: >)
        let available = slots.dropFirst(config.hostFailuresToTolerate).reduce(0, +)
        return powered <= available
    }
}
