import SimKernel

/// Where a VM may be powered on or moved, judged on the tables (docs/model.md, DRS: Initial
/// placement; vMotion, Checks): host-level admission control, the requested-migration checks, and DRS initial
/// placement's choice. Pure functions of the state and the rule sets they are given.
extension ClusterState {
    /// Host-level admission control: `h`'s unreserved memory holds VM `v`'s memory reservation +
    /// overhead and its unreserved CPU the VM's CPU reservation ([FD-Reservation]); a VM larger
    /// than the host's physical memory never runs there.
    @inline(__always)
    func admitsReservations(_ v: Int, on h: Int) -> Bool {
        hosts.freeMemoryMB(h) + 1e-6 >= vms.footprintMB[v] && hosts.unreservedCPUMHz(h) + 1e-6 >= vms.cpuReservationMHz[v]
            && vms.configs[v].memoryMB <= hosts.memoryCapacityMB[h]
    }

    /// Why ``admitsReservations(_:on:)`` refuses: memory first, then CPU.
    func reservationShortfall(_ v: Int, on h: Int) -> MigrationDetail {
        hosts.freeMemoryMB(h) + 1e-6 >= vms.footprintMB[v] && vms.configs[v].memoryMB <= hosts.memoryCapacityMB[h]
            ? .insufficientCPU : .insufficientMemory
    }

    /// Whether VM `v` may be powered on on host `h`: the host is on and can run it
    /// (``VMotionCompatibility/canRun(_:datastore:on:)``), its unreserved CPU and memory hold the
    /// VM's reservations + overhead, and it is no dedicated HA failover host (`reservedForFailover`).
    @inline(__always)
    func canHost(_ v: Int, on h: Int, vmotion: VMotionCompatibility, reservedForFailover: Bool) -> Bool {
        hosts.state[h] == .on && vmotion.canRun(v, datastore: vms.datastore[v], on: h)
            && admitsReservations(v, on: h) && !reservedForFailover
    }

    /// vMotion stage 1: the checks vCenter makes when a migration of VM `v` to host `d` is
    /// requested (docs/model.md, vMotion, Checks), in a fixed order so that each request gets one
    /// stable reason code; ``MigrationDetail/none`` when it may proceed. `destinationIsFailoverHost`:
    /// `d` is a dedicated HA failover host (a vMotion onto it is refused).
    @inline(__always)
    func migrationDetail(_ v: Int, to d: Int, vmotion: VMotionCompatibility, rules: RuleBook,
                         destinationIsFailoverHost: Bool) -> MigrationDetail {
        let s = Int(vms.host[v])
        guard s != Int(noIndex) else { return .vmNotRunning }
        if vms.migrating[v] { return .alreadyMigrating }
        if s == d { return .sameHost }
        guard hosts.state[d] == .on else { return .destinationNotOn }
        let rule = vmotion.vmotionDetail(v, from: s, to: d, featureRank: vms.featureRank[v], datastore: vms.datastore[v],
                                         sharedNothing: vmotion.sharedNothingSupported)
        guard rule == .none else { return rule }
        guard admitsReservations(v, on: d) else { return reservationShortfall(v, on: d) }
        guard !destinationIsFailoverHost else { return .haFailoverHost }
        // vCenter refuses a vMotion that would break a `must` VM-Host rule [Docs-Affinity-VMHost].
        let host = vms.host
        guard rules.allows(v, on: d, mustOnly: true, hostOf: { host[$0] }) else { return .mustRule }
        return .none
    }

    /// DRS initial placement of VM `v` (docs/model.md, DRS: Initial placement): the host that can run it
    /// (``canHost(_:on:vmotion:reservedForFailover:)``) whose projected load — the larger of its
    /// CPU and expected consumed-memory fractions with the VM — is lowest, ties to the lower index;
    /// `must` rules are honoured, VM-VM rules when some host allows them (DRS corrects them later).
    /// `demandMHz`: what the VM is expected to use; `expectedCPU`: the CPU already promised to
    /// each host (at the start, before any sample), else the hosts' current demand counts.
    /// `reservedForFailover(h)`: `h` is a dedicated HA failover host. Nil when no host can take it.
    @inline(__always)
    func placementHost(for v: Int, demandMHz cpu: Double, expectedCPU: [Double]?, vmotion: VMotionCompatibility,
                       rules: RuleBook, reservedForFailover: (Int) -> Bool) -> Int? {
        let host = vms.host
        let strict = (0..<hosts.count).contains {
            canHost(v, on: $0, vmotion: vmotion, reservedForFailover: reservedForFailover($0)) && rules.allows(v, on: $0, hostOf: { host[$0] })
        }
        var best = -1
        var bestScore = Double.infinity
        for h in 0..<hosts.count where canHost(v, on: h, vmotion: vmotion, reservedForFailover: reservedForFailover(h))
            && rules.allows(v, on: h, mustOnly: !strict, hostOf: { host[$0] }) {
            let used = expectedCPU?[h] ?? hosts.cpuDemandMHz[h]
            let cpuLoad = (used + cpu) / hosts.cpuCapacityMHz[h]
            let memLoad = (hosts.expectedMemoryMB[h] + vms.expectedMemoryMB[v]) / hosts.memoryCapacityMB[h]
            let score = max(cpuLoad, memLoad)
            if score < bestScore { best = h; bestScore = score }
        }
        return best >= 0 ? best : nil
    }
}
