import SimKernel

extension ClusterRuntime {
    /// Whether VM `v` may run on host `h`: the host is on, mounts the VM's datastore and has its
    /// network label (DESIGN §4.1), and has memory for it.
    func canHost(_ v: Int, on h: Int) -> Bool {
        guard hosts.state[h] == .on else { return false }
        let c = vms.configs[v]
        let hc = hosts.configs[h]
        guard hc.datastores.contains(vms.datastore[v]), hc.networks.contains(c.network) else { return false }
        if let evc = config.evc, evc.vendor != hc.vendor { return false }
        return hosts.freeMemoryMB(h) >= vms.footprintMB[v]
    }

    /// Initial placement of every VM, in VM order: the compatible host with room whose projected
    /// load (the larger of expected CPU and memory fractions) is lowest; ties go to the lower
    /// index. Memory is never overcommitted. A VM that fits nowhere is a failed admission.
    func placeAllVMs() {
        var expectedCPU = Array(repeating: 0.0, count: hosts.count)
        for v in 0..<vms.count {
            let p = config.workloads[Int(vms.workload[v])]
            let cpu = p.cpuMean * vms.cpuSizeMHz[v]
            var best = -1
            var bestScore = Double.infinity
            let mustOnly = !(0..<hosts.count).contains { canHost(v, on: $0) && rules.allows(v, on: $0, hostOf: { vms.host[$0] }) }
            for h in 0..<hosts.count where canHost(v, on: h) && rules.allows(v, on: h, mustOnly: mustOnly, hostOf: { vms.host[$0] }) {
                let cpuLoad = (expectedCPU[h] + cpu) / hosts.cpuCapacityMHz[h]
                let memLoad = (hosts.memoryReservedMB[h] + vms.footprintMB[v]) / hosts.memoryCapacityMB[h]
                let score = max(cpuLoad, memLoad)
                if score < bestScore { best = h; bestScore = score }
            }
            if best < 0 {
                summary.failedAdmissions += 1
                vms.downReason[v] = .noCapacity
                continue
            }
            expectedCPU[best] += cpu
            powerOn(v, on: best)
        }
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
