import SimKernel

extension ClusterRuntime {
    /// Whether VM `v` may run on host `h`: the host is on, mounts the VM's datastore and has its
    /// network label (DESIGN §4.1), and its unreserved CPU and memory hold the VM's reservations
    /// + overhead (admission control, DESIGN §4.8).
    func canHost(_ v: Int, on h: Int) -> Bool {
        guard hosts.state[h] == .on, compatibility.hasDatastore(h, vms.datastore[v]),
              compatibility.hasNetwork(h, vmNetwork[v]) else { return false }
        if let evc = config.evc, evc.vendor != compatibility.vendor[h] { return false }
        return admitsReservations(v, on: h) && !isReservedFailoverHost(h)
    }

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

    /// Adds (`sign` 1) or removes (−1) VM `v`'s reservations to host `h`'s ledgers.
    @inline(__always)
    func reserve(_ v: Int, on h: Int, sign: Double) {
        hosts.memoryReservedMB[h] += sign * vms.footprintMB[v]
        hosts.cpuReservedMHz[h] += sign * vms.cpuReservationMHz[v]
        hosts.expectedMemoryMB[h] += sign * vms.expectedMemoryMB[v]
    }

    /// Initial placement of the VMs present at t = 0, in VM order (DRS initial placement).
    func placeAllVMs() {
        var expectedCPU = Array(repeating: 0.0, count: hosts.count)
        for v in 0..<vms.count where vms.configs[v].arrival == .zero {
            if let h = placeVM(v, expectedCPU: expectedCPU) { expectedCPU[h] += expectedDemandMHz(v) }
        }
    }

    /// The profile's mean demand of VM `v` in MHz (what placement expects it to use).
    func expectedDemandMHz(_ v: Int) -> Double {
        config.workloads[Int(vms.workload[v])].cpuMean * vms.cpuSizeMHz[v]
    }

    /// Powers VM `v` on at the compatible host with room whose projected load (the larger of its
    /// CPU and expected consumed-memory fractions) is lowest, ties to the lower index; `must` rules are honoured,
    /// VM-VM rules when possible (DRS corrects them later). HA admission control must admit it
    /// (``haAdmits(_:)``); dedicated failover hosts take no VM. A VM admitted nowhere waits for a
    /// standby host DPM wakes for it, or, when there is none, is a failed admission.
    /// `expectedCPU` is the CPU already promised to each host (at start, before any sample).
    @discardableResult
    func placeVM(_ v: Int, expectedCPU: [Double]? = nil) -> Int? {
        if !haAdmits(v) {
            refuseOrWait(v)
            return nil
        }
        let cpu = expectedDemandMHz(v)
        let strict = (0..<hosts.count).contains { canHost(v, on: $0) && rules.allows(v, on: $0, hostOf: { vms.host[$0] }) }
        var best = -1
        var bestScore = Double.infinity
        for h in 0..<hosts.count where canHost(v, on: h) && rules.allows(v, on: h, mustOnly: !strict, hostOf: { vms.host[$0] }) {
            let used = expectedCPU?[h] ?? hosts.cpuDemandMHz[h]
            let cpuLoad = (used + cpu) / hosts.cpuCapacityMHz[h]
            let memLoad = (hosts.expectedMemoryMB[h] + vms.expectedMemoryMB[v]) / hosts.memoryCapacityMB[h]
            let score = max(cpuLoad, memLoad)
            if score < bestScore { best = h; bestScore = score }
        }
        guard best >= 0 else {
            refuseOrWait(v)
            return nil
        }
        powerOn(v, on: best)
        return best
    }

    /// A VM that cannot be admitted waits (down, `no_capacity`) for a standby host DPM wakes for
    /// it, when there is one; otherwise the admission fails.
    func refuseOrWait(_ v: Int) {
        if requestHost(for: v) {
            vms.downReason[v] = .noCapacity
        } else {
            refuseAdmission(v)
        }
    }

    func refuseAdmission(_ v: Int) {
        summary.failedAdmissions += 1
        // A VM of the initial inventory that cannot start stays down (it exists); a churn arrival
        // that is refused never joins the cluster.
        vms.downReason[v] = vms.configs[v].arrival > .zero ? .absent : .noCapacity
    }

    /// Starts VM `v` on host `h`, fixing its CPU feature level (EVC baseline, else the host's generation).
    func powerOn(_ v: Int, on h: Int) {
        vms.host[v] = HostIndex(h)
        vms.downReason[v] = .none
        summary.vmSecondsDown += (simulation.now - downSince[v]).seconds
        vms.featureRank[v] = Int16(config.evc?.rank ?? hosts.configs[h].generationRank)
        reserve(v, on: h, sign: 1)
        memoryScheduler.settle(v, &vms)
        hosts.vmCount[h] += 1
    }
}
