import SimKernel

/// A DPM algorithm (docs/architecture.md, "Adding a power policy"): it reads a read-only
/// ``PowerView`` of the cluster after each DRS pass and returns a ``PowerPlan``; the runtime
/// applies it by `dpm.automation` (waking hosts, evacuating and powering hosts off through host
/// lifecycle) and keeps what the plan says to keep. Built in: ``ClassicDPM``; a caller may pass
/// its own to ``ClusterRuntime/init(config:settings:recorder:balancingPolicy:powerPolicy:)``.
public protocol PowerPolicy {
    /// Plans one DPM pass on `view`.
    func plan(_ view: PowerView) -> PowerPlan
}

/// One recommended power change: host `host`, with the recommendation's priority (1 = mandatory,
/// e.g. `min_hosts_on`, … 5) that the DPM threshold is compared with.
public struct PowerRecommendation: Equatable, Sendable {
    public var host: Int
    public var priority: Int

    public init(host: Int, priority: Int) {
        self.host = host
        self.priority = priority
    }
}

/// What a DPM pass recommends. The runtime applies priority-1 power-ons at every automation
/// level (as `min_hosts_on` always was), every other recommendation only when `dpm.automation`
/// is `automatic` (`manual` only recommends); the policy leaves out what its threshold rejects.
public struct PowerPlan: Sendable {
    /// Standby hosts to power on, in order.
    public var powerOn: [PowerRecommendation] = []
    /// Wake a standby host to restore HA failover capacity, unless a host is already booting.
    public var restoreFailoverCapacity = false
    /// Hosts to evacuate and put in standby: all leave `on` together before any is evacuated, so
    /// none becomes another's destination.
    public var powerOff: [PowerRecommendation] = []
    /// The start of the cluster's current low period to keep until the next pass (nil: leave it):
    /// ``PowerView/lowPeriodStart`` of the next pass.
    public var lowPeriodStart: SimTime?

    public init() {}
}

/// A read-only view of one cluster for a ``PowerPolicy``: the host and VM tables, DPM's and DRS's
/// settings, demand estimates per host over a window and the what-if snapshot (both computed on
/// first use from the demand history, shared with DRS's), HA failover capacity, and what the
/// previous pass kept. Built by the runtime at each pass without copying the tables.
public struct PowerView {
    let cluster: ClusterView
    let inputs: PolicyInputs
    /// Since when each host has been `on` (its demand history is its VMs' there).
    public let onSince: [SimTime]
    /// What the previous plan kept (``PowerPlan/lowPeriodStart``; `.zero` before any).
    public let lowPeriodStart: SimTime

    init(cluster: ClusterView, inputs: PolicyInputs, onSince: [SimTime]) {
        lowPeriodStart = inputs.dpmLowSince   // read before `inputs` moves into the view (else it is copied)
        self.cluster = cluster
        self.inputs = inputs
        self.onSince = onSince
    }

    /// The pass's simulated time.
    public var now: SimTime { cluster.now }
    public var dpm: DPMConfig { cluster.config.dpm }
    public var drs: DRSConfig { cluster.config.drs }
    public var hosts: HostTable { cluster.hosts }
    public var vms: VMTable { cluster.vms }
    /// Samples of demand history taken so far.
    public var historySamples: Int { inputs.history.pushes }

    /// A window's length in whole samples (at least one).
    public func samples(_ window: SimTime) -> Int { inputs.samples(window) }

    /// Per-host sums of the VMs' conservative demand (mean + 2 sd over `window`, bounded by
    /// reservation and limit), in-flight migrations counted at their destination; CPU MHz, memory MiB.
    public func hostDemand(window: SimTime) -> (cpuMHz: [Double], memoryMB: [Double]) {
        let e = inputs.hostEstimates(cluster, samples: samples(window))
        return (e.cpu, e.memory)
    }

    /// The what-if snapshot over `window` (conservative demand, in-flight moves at their
    /// destination), on which to try evacuations with ``BalanceSnapshot/move(_:to:)``.
    public func snapshot(window: SimTime) -> BalanceSnapshot {
        inputs.snapshot(cluster, samples: samples(window), conservative: true)
    }

    /// Whether HA admission control keeps its failover capacity with the hosts in `excluded` gone
    /// (true when HA or its admission control is off).
    public func failoverCapacityHolds(withoutHosts excluded: [Int] = []) -> Bool {
        inputs.ha.holds(hosts: cluster.hosts, vms: cluster.vms, withoutHosts: excluded)
    }

    /// The standby host to wake: the largest CPU capacity, ties to the lowest index.
    public func bestStandbyHost() -> Int? { Self.bestStandbyHost(cluster.hosts) }

    static func bestStandbyHost(_ hosts: HostTable) -> Int? {
        var best: Int?
        for h in 0..<hosts.count where hosts.state[h] == .standby {
            if let b = best, hosts.cpuCapacityMHz[h] <= hosts.cpuCapacityMHz[b] { continue }
            best = h
        }
        return best
    }
}
