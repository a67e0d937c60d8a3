import SimKernel

/// A cluster's tables and ledgers: hosts and VMs as struct-of-arrays, where each VM runs, and
/// the reservation ledgers (reserved memory + overhead, reserved CPU, expected memory) that
/// admission control reads.
///
/// The only writer of placement (`vms.host`, `hosts.vmCount`, a VM's datastore after a
/// shared-nothing move) and of the reservation ledgers: placement, migrations, departures and
/// failures change them through the methods here, which keep a host's ledgers equal to what its
/// residents and incoming copies hold (the `memory-ledger` and `vm-count` invariants) and mark
/// the host for the observers' flush (``HostChangeMarks``). Host power states are written only
/// by ``setHostState(_:_:)``, which host lifecycle alone calls. The workload sampler and the CPU
/// and memory schedulers write the demand and contention columns over `inout` tables.
struct ClusterState {
    var hosts: HostTable
    var vms: VMTable
    /// Hosts changed by the current event (the observers' marks).
    var changes: HostChangeMarks
    /// Churn arrival processes and the VM rows they use (Workload/ChurnState.swift).
    var churn: ChurnState

    init(_ config: ClusterConfig, churn: ChurnState) {
        hosts = HostTable(config.hosts)
        vms = VMTable(config.vms)
        changes = HostChangeMarks(hosts: config.hosts.count)
        self.churn = churn
    }

    /// Runs a pass over both tables `inout` (the CPU and memory schedulers): one exclusive access
    /// to the state, in which the two tables are disjoint.
    @inline(__always)
    mutating func withTables<R>(_ body: (inout VMTable, inout HostTable) throws -> R) rethrows -> R {
        try body(&vms, &hosts)
    }

    /// Adds (`sign` 1) or removes (−1) VM `v`'s reservations to host `h`'s ledgers (a migration
    /// reserves on its destination while it copies).
    @inline(__always)
    mutating func reserve(_ v: Int, on h: Int, sign: Double) {
        hosts.memoryReservedMB[h] += sign * vms.footprintMB[v]
        hosts.cpuReservedMHz[h] += sign * vms.cpuReservationMHz[v]
        hosts.expectedMemoryMB[h] += sign * vms.expectedMemoryMB[v]
    }

    /// VM `v` starts on host `h` with CPU feature level `featureRank`.
    mutating func place(_ v: Int, on h: Int, featureRank: Int16) {
        vms.host[v] = HostIndex(h)
        vms.downReason[v] = .none
        vms.featureRank[v] = featureRank
        reserve(v, on: h, sign: 1)
        hosts.vmCount[h] += 1
        changes.residentsChanged(h)
    }

    /// A migration's switchover: VM `v` leaves source `s` (whose reservations it gives back; the
    /// destination's were taken when the copy started) and runs on `d`, on `datastore` after a
    /// shared-nothing move.
    mutating func move(_ v: Int, from s: Int, to d: Int, datastore: Int32?) {
        reserve(v, on: s, sign: -1)
        hosts.vmCount[s] -= 1
        hosts.vmCount[d] += 1
        vms.host[v] = HostIndex(d)
        if let datastore { vms.datastore[v] = datastore }
        changes.residentsChanged(s)
        changes.residentsChanged(d)
    }

    /// VM `v` is powered off and deleted: it leaves its host (returned, or -1 when it was down)
    /// and becomes absent.
    @discardableResult
    mutating func remove(_ v: Int) -> Int {
        let h = Int(vms.host[v])
        if h >= 0 {
            vms.host[v] = noIndex
            reserve(v, on: h, sign: -1)
            hosts.vmCount[h] -= 1
            vms.cpuServedMHz[v] = 0
            changes.residentsChanged(h)
        }
        vms.downReason[v] = .absent
        return h
    }

    /// Host `h` failed: its VMs go down (reason `host_failure`, returned in index order) and its
    /// ledgers and load are empty.
    mutating func evict(host h: Int) -> [Int] {
        var down: [Int] = []
        for v in 0..<vms.count where Int(vms.host[v]) == h {
            vms.host[v] = noIndex
            vms.downReason[v] = .hostFailure
            vms.cpuServedMHz[v] = 0
            down.append(v)
        }
        hosts.memoryReservedMB[h] = 0
        hosts.cpuReservedMHz[h] = 0
        hosts.expectedMemoryMB[h] = 0
        hosts.vmCount[h] = 0
        hosts.cpuDemandMHz[h] = 0
        hosts.cpuServedMHz[h] = 0
        hosts.memoryDemandMB[h] = 0
        changes.residentsChanged(h)
        return down
    }

    /// Host `h`'s CPU reserved by its active vMotions changed: the CPU its VMs share changes, so
    /// it is re-divided (and its power set) at the end of the event. Unless its VMs' demand fits
    /// the smaller of the two capacities: every VM then gets its (capped) demand at both, so the
    /// division stands and only the power is set. This is exact: the demand summed here is the
    /// one the host's last division saw (a sample or a change of residents marks the host for
    /// division anyway), and each skipped change keeps the host below both capacities (make bench,
    /// migrations-10k-32hosts-1d: re-dividing such hosts twice per vMotion was +14 % of its run).
    mutating func setVMotionOverhead(_ h: Int, mhz: Double) {
        let before = hosts.vmotionOverheadMHz[h]
        guard before != mhz else { return }
        hosts.vmotionOverheadMHz[h] = mhz
        if hosts.cpuDemandMHz[h] <= hosts.cpuCapacityMHz[h] - max(before, mhz) {
            changes.loadChanged(h)
        } else {
            changes.capacityChanged(h)
        }
    }

    /// Host `h`'s power state: written only by host lifecycle (``ClusterRuntime/setHostState(_:to:reason:)``).
    mutating func setHostState(_ h: Int, _ state: HostPowerState) {
        hosts.state[h] = state
        changes.loadChanged(h)
    }

    /// Row `v` becomes the churn VM `name` arriving at `arrival` (absent until placed); events
    /// scheduled for the row's previous VM are recognised as stale by its new generation.
    mutating func resetSlot(_ v: Int, name: String, arrival: SimTime, departure: SimTime?) {
        vms.resetSlot(v, name: name, arrival: arrival, departure: departure)
        churn.generation[v] &+= 1
    }

    /// A VM is (or stops being) the subject of a queued or copying migration.
    mutating func setMigrating(_ v: Int, _ migrating: Bool) { vms.migrating[v] = migrating }
}

/// Runs `body` on `value` in place. A non-mutating method called on a class's stored struct (or
/// a struct passed from it as an argument) works on a copy: every column buffer is retained
/// first and released after, since the call could otherwise see the property change under it.
/// Through an `inout` access the storage is read where it is, with one exclusivity check
/// (perf, fleet 2 days: such copies of the state and the load models, with the per-pass views,
/// took reference counting from 2.7 % to 5.2 % of the run; docs/performance.md).
@inline(__always)
func inPlace<T, R>(_ value: inout T, _ body: (inout T) throws -> R) rethrows -> R { try body(&value) }
