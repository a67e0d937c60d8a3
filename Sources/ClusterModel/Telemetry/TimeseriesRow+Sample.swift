import SimKernel

extension TimeseriesRow {
    /// The row of the sample taken at `now`, read from the tables right after a full CPU division
    /// (it takes the running and down VM counts that division made: no second pass over the VMs;
    /// perf, fleet 2 days: that loop was 1 % of the run). `thlsdThreshold`: classic DRS's
    /// migration threshold, nil when the cluster has no THLSD (DRS off, or score DRS).
    /// `loads` is scratch space for the `on` hosts' loads, reused from sample to sample.
    init(sampleAt now: SimTime, hosts: HostTable, load: LoadModels, migrations: MigrationTable, energy: EnergyMeter,
         thlsdThreshold: Int?, loads: inout [Double]) {
        self.init()
        time = now
        loads.removeAll(keepingCapacity: true)
        var maxU = 0.0, minU = Double.infinity
        for h in 0..<hosts.count {
            switch hosts.state[h] {
            case .on: hostsOn += 1
            case .standby: hostsStandby += 1
            case .maintenance: hostsMaintenance += 1
            case .failed: hostsFailed += 1
            case .enteringStandby, .shuttingDown, .booting, .enteringMaintenance: hostsTransitioning += 1
            }
            guard hosts.state[h].runsVMs else { continue }
            cpuCapacityMHz += hosts.cpuCapacityMHz[h]
            memoryCapacityMB += hosts.memoryCapacityMB[h]
            cpuDemandMHz += hosts.cpuDemandMHz[h]
            cpuServedMHz += hosts.cpuServedMHz[h]
            memoryDemandMB += hosts.memoryDemandMB[h]
            let u = hosts.cpuUtilization(h)
            maxU = max(maxU, u); minU = min(minU, u)
            if hosts.state[h] == .on { loads.append(hosts.normalizedLoad(h)) }
        }
        // Demand beyond the VMs' vCPUs never reaches a host: added here as demand and as unmet.
        cpuDemandMHz += load.sampler.cappedMHz
        cpuUnmetMHz = max(0, cpuDemandMHz - cpuServedMHz)
        vmsVCPUSaturated = load.sampler.saturatedVMs
        maxHostCPUUtilization = maxU
        minHostCPUUtilization = minU.isFinite ? minU : 0
        vmsRunning = load.cpu.runningVMs
        vmsDown = load.cpu.downVMs
        chlsd = loads.withUnsafeBufferPointer { LoadMetrics.standardDeviation($0) }
        thlsd = thlsdThreshold.map { LoadMetrics.thlsd(threshold: $0, hosts: loads.count) } ?? 0
        migrationsActive = migrations.active.count
        migrationsQueued = migrations.queue.count
        let memory = load.memory.totals
        memoryConfiguredMB = memory.configuredMB
        memoryConsumedMB = memory.consumedMB
        memoryActiveMB = memory.activeMB
        memoryBalloonedMB = memory.balloonedMB
        memoryCompressedMB = memory.compressedMB
        memorySwappedMB = memory.swappedMB
        memoryContentionMB = memory.contentionMB
        hostsMemorySoftOrWorse = memory.hostsSoftOrWorse
        powerW = energy.totalPowerW
        energyKWh = energy.energyJ / 3_600_000
    }
}
