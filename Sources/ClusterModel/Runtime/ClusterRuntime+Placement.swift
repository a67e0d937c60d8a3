import SimKernel

extension ClusterRuntime {
    /// Whether VM `v` may run on host `h`: the host is on and can run it
    /// (``VMotionCompatibility/canRun(_:datastore:on:)``), its unreserved CPU and memory hold the
    /// VM's reservations + overhead (admission control, docs/model.md) and it is no dedicated
    /// HA failover host.
    func canHost(_ v: Int, on h: Int) -> Bool {
        hosts.state[h] == .on && vmotion.canRun(v, datastore: vms.datastore[v], on: h)
            && admitsReservations(v, on: h) && !isReservedFailoverHost(h)
    }

    /// Host-level admission control (``ClusterState/admitsReservations(_:on:)``).
    @inline(__always)
    func admitsReservations(_ v: Int, on h: Int) -> Bool { state.admitsReservations(v, on: h) }

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
        if expectedCPU == nil { divideMarkedCPU() }   // reads the hosts' current demand
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
            state.vms.downReason[v] = .noCapacity
        } else {
            refuseAdmission(v)
        }
    }

    func refuseAdmission(_ v: Int) {
        summary.failedAdmissions += 1
        // A VM of the initial inventory that cannot start stays down (it exists); a churn arrival
        // that is refused never joins the cluster.
        state.vms.downReason[v] = vms.configs[v].arrival > .zero ? .absent : .noCapacity
    }

    /// Starts VM `v` on host `h`, fixing its CPU feature level (EVC baseline, else the host's generation).
    /// The host is marked for the observers' CPU division, except for an HA restart
    /// (`observed: false`): [I] such a VM takes CPU from the next full division (the next sample,
    /// or the next host that comes on), as the model has always done; its host's draw changes then.
    func powerOn(_ v: Int, on h: Int, observed: Bool = true) {
        summary.vmSecondsDown += (simulation.now - lifecycle.downSince[v]).seconds
        state.place(v, on: h, featureRank: Int16(config.evc?.rank ?? hosts.configs[h].generationRank), observed: observed)
        load.memory.settle(v, &state.vms)
    }
}
