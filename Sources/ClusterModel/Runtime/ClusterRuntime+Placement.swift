import SimKernel

extension ClusterRuntime {
    /// Whether VM `v` may run on host `h`: the host is on, mounts the VM's datastore and has its
    /// network label (DESIGN §4.1), and has memory for it.
    func canHost(_ v: Int, on h: Int) -> Bool {
        guard hosts.state[h] == .on, compatibility.hasDatastore(h, vms.datastore[v]),
              compatibility.hasNetwork(h, vmNetwork[v]) else { return false }
        if let evc = config.evc, evc.vendor != compatibility.vendor[h] { return false }
        return hosts.freeMemoryMB(h) >= vms.footprintMB[v]
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
    /// CPU and memory fractions) is lowest, ties to the lower index; `must` rules are honoured,
    /// VM-VM rules when possible (DRS corrects them later). With HA admission control the cluster
    /// keeps one host's worth of memory free (N+1). A VM that fits nowhere waits for a standby host
    /// DPM wakes for it, or, when there is none, is a failed admission.
    /// `expectedCPU` is the CPU already promised to each host (at start, before any sample).
    @discardableResult
    func placeVM(_ v: Int, expectedCPU: [Double]? = nil) -> Int? {
        if config.ha.enabled && config.ha.admissionControl && !haAdmits(v) {
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
            let memLoad = (hosts.memoryReservedMB[h] + vms.footprintMB[v]) / hosts.memoryCapacityMB[h]
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

    /// N+1 admission control: memory of running VMs plus this one fits in the `on` hosts minus the largest.
    func haAdmits(_ v: Int) -> Bool {
        haFailoverCapacityHolds(extraMB: vms.footprintMB[v])
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
        hosts.memoryReservedMB[h] += vms.footprintMB[v]
        hosts.vmCount[h] += 1
    }
}
