import SimKernel

/// A read-only view of one cluster at an instant, for whoever judges it without changing it: the
/// invariant checker, and the policies' inputs (Balancing/PolicyViews.swift, ``PowerView``).
/// Built once per pass (``ClusterRuntime/view(network:)``) without copying: the tables are shared
/// copy-on-write and never written through it. Let it go before the state changes (policies
/// return recommendations, which the runtime applies after the pass), or the first write would
/// copy the table it touches.
struct ClusterView {
    let now: SimTime
    let configReference: ClusterConfigReference
    let hosts: HostTable
    let vms: VMTable
    let migrations: MigrationTable
    let migrationStats: MigrationStatistics
    let vmotion: VMotionCompatibility
    let rules: RuleBook
    let churn: ChurnState
    /// The vMotion engine's figures the policies read (left empty in the invariant checker's views).
    let network: VMotionNetwork
}

/// What the vMotion engine tells the policies, captured when a policy pass builds its
/// ``ClusterView``: per-host link rates, streams, NIC holders and vMotion CPU reservation, and
/// the estimated duration of a vMotion before any has finished.
struct VMotionNetwork {
    /// Usable vMotion link rate per host, Mbit/s.
    var linkMbps: [Double] = []
    /// vMotion streams per host.
    var streams: [Int] = []
    /// vMotions holding each host's NIC now (the concurrency ledger's network cost).
    var networkCost: [Int] = []
    /// CPU a host reserves for one vMotion, MHz.
    var reservationMHz: [Double] = []
    /// Estimated seconds of a vMotion of the mean VM.
    var estimatedSeconds = 0.0
    /// The network maximum of the cluster's slowest vMotion NIC: the vMotions it may carry at
    /// once (``ConcurrencyLimits/networkMax(nicGbps:)``).
    var slowestHostSlots = 0
}

/// A cluster's configuration held by reference. The runtime and its views share this one
/// instance: a view is made for every policy pass, and a copy of ``ClusterConfig`` retains and
/// releases each of its dozen arrays, where this costs one (callgrind, 4 fleet clusters × 2 days:
/// 3 % of all retains were those copies; docs/performance.md).
final class ClusterConfigReference: Sendable {
    let value: ClusterConfig
    init(_ value: ClusterConfig) { self.value = value }
}

extension ClusterView {
    /// The cluster's configuration.
    var config: ClusterConfig { _read { yield configReference.value } }
}

extension ClusterView {
    /// The vMotion rules over what changes between passes, for inner loops (one access per
    /// pass instead of one per check; make bench, cluster-32x1000-30d: dynamic exclusivity checks
    /// on the runtime's state were ~20 % of the run).
    func compatibility() -> CompatibilityView {
        CompatibilityView(hosts: hosts, vms: vms, rules: vmotion)
    }

    /// Where each VM runs, or will once its queued or copying migration ends (-1: down).
    func plannedHosts() -> [Int32] {
        var planned = vms.host
        for ids in [migrations.active, migrations.queue] {
            for id in ids {
                let m = migrations.slots[Int(id)]
                planned[Int(m.vm)] = m.destination
            }
        }
        return planned
    }

    /// Adaptive MaxMovesPerHost (vSphere 4.1+, [FD-2010-MaxMoves]): how many vMotions can finish
    /// before the next pass `period` away, min(8, ⌊period / mean vMotion time⌋ × concurrent
    /// slots), at least 1.
    func adaptiveMoveCap(period: SimTime) -> Int {
        let slots = network.slowestHostSlots
        let meanTime = migrationStats.meanDurationSeconds ?? network.estimatedSeconds
        let perSlot = Int((period.seconds / max(meanTime, 1e-3)).rounded(.down))
        return max(1, min(8, perSlot * slots))
    }

    /// Classic DRS's move cap: `drs.max_moves_per_host` when set (0: unlimited), else adaptive
    /// over `drs.period`.
    func classicMoveCap() -> Int {
        if let fixed = config.drs.maxMovesPerHost { return fixed == 0 ? Int.max / 2 : fixed }
        return adaptiveMoveCap(period: config.drs.period)
    }
}
