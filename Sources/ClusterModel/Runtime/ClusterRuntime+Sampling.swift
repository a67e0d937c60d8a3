import SimKernel
import Stochastics

extension ClusterRuntime {
    /// One sample: integrate energy so far, resample demand, share CPU per host, set power, record a row.
    func takeSample(at now: SimTime) {
        energy.advance(to: now)
        load.sampler.sample(at: now, &state.vms)
        state.withTables { load.memory.allocateAll(&$0, &$1) }
        if lifecycle.haWaiting > 0 { retryWaitingRestarts() }
        history.push(cpuMHz: vms.cpuDemandMHz, memoryMB: vms.memoryDemandMB)
        state.changes.everyHostChanged()
        flushHostChanges()

        emitPendingRow()
        let row = makeRow(at: now)
        pendingRow = row
        accumulate(row, at: now)

        let next = now + settings.sampleInterval
        if next < settings.duration {
            simulation.schedule(at: next, priority: EventPriority.sample, target: target, kind: EventKind.sample.rawValue)
        }
    }

    /// The observers' flush (``HostChangeMarks``): re-divides the CPU of the hosts whose residents
    /// changed and sets the power of every marked host, at this instant. Runs at the end of each
    /// event; its results are read by the next event, except by placement, which divides first.
    func flushHostChanges() {
        guard !state.changes.isEmpty else { return }
        divideMarkedCPU()
        let now = simulation.now
        if state.changes.powerEveryHost {
            for h in 0..<hosts.count { energy.setPower(h, watts: hostPower(h), at: now) }
        } else {
            for h in state.changes.power { energy.setPower(Int(h), watts: hostPower(Int(h)), at: now) }
        }
        energy.refreshTotal()
        state.changes.powered()
    }

    /// Re-divides the CPU of the hosts marked so far (see ``CPUScheduler``): every host after a
    /// sample, else each host whose residents changed.
    func divideMarkedCPU() {
        guard state.changes.needsDivision else { return }
        if state.changes.divideEveryHost {
            state.withTables { load.cpu.allocateAll(&$0, &$1) }
        } else {
            let marked = state.changes.divide
            state.withTables { vms, hosts in
                for h in marked { load.cpu.reallocate(Int(h), Int(h), &vms, &hosts) }
            }
        }
        state.changes.divided()
    }

    /// Power draw of host `h` in its current state (docs/model.md, Power and energy).
    func hostPower(_ h: Int) -> Double {
        let c = hosts.configs[h]
        switch hosts.state[h] {
        case .on, .enteringStandby, .enteringMaintenance: return c.power.watts(atUtilization: hosts.cpuUtilization(h))
        case .booting: return c.power.maxW
        case .shuttingDown, .maintenance: return c.power.idleW
        case .standby: return c.standbyW
        case .failed: return 0
        }
    }

    /// Normalized entitlement of host `h`: the larger of its CPU and memory load (docs/model.md, DRS).
    func hostLoad(_ h: Int) -> Double {
        let cpu = hosts.cpuDemandMHz[h] / hosts.cpuCapacityMHz[h]
        let mem = hosts.memoryDemandMB[h] / hosts.memoryCapacityMB[h]
        return max(cpu, mem)
    }

    /// The sample's row; call right after a full CPU division (it reads the VM counts made there).
    func makeRow(at now: SimTime) -> TimeseriesRow {
        var row = TimeseriesRow()
        row.time = now
        rows.scratchLoads.removeAll(keepingCapacity: true)
        var maxU = 0.0, minU = Double.infinity
        for h in 0..<hosts.count {
            switch hosts.state[h] {
            case .on: row.hostsOn += 1
            case .standby: row.hostsStandby += 1
            case .maintenance: row.hostsMaintenance += 1
            case .failed: row.hostsFailed += 1
            case .enteringStandby, .shuttingDown, .booting, .enteringMaintenance: row.hostsTransitioning += 1
            }
            guard hosts.state[h].runsVMs else { continue }
            row.cpuCapacityMHz += hosts.cpuCapacityMHz[h]
            row.memoryCapacityMB += hosts.memoryCapacityMB[h]
            row.cpuDemandMHz += hosts.cpuDemandMHz[h]
            row.cpuServedMHz += hosts.cpuServedMHz[h]
            row.memoryDemandMB += hosts.memoryDemandMB[h]
            let u = hosts.cpuUtilization(h)
            maxU = max(maxU, u); minU = min(minU, u)
            if hosts.state[h] == .on { rows.scratchLoads.append(hostLoad(h)) }
        }
        // Demand beyond the VMs' vCPUs never reaches a host: added here as demand and as unmet.
        row.cpuDemandMHz += load.sampler.cappedMHz
        row.cpuUnmetMHz = max(0, row.cpuDemandMHz - row.cpuServedMHz)
        row.vmsVCPUSaturated = load.sampler.saturatedVMs
        row.maxHostCPUUtilization = maxU
        row.minHostCPUUtilization = minU.isFinite ? minU : 0
        // Counted by the CPU division that just ran over every VM (no second pass over the VMs;
        // perf, fleet 2 days: this loop was 1 % of the run).
        row.vmsRunning = load.cpu.runningVMs
        row.vmsDown = load.cpu.downVMs
        row.chlsd = rows.scratchLoads.withUnsafeBufferPointer { LoadMetrics.standardDeviation($0) }
        row.thlsd = config.drs.enabled && config.balancingAlgorithm == .classic ? LoadMetrics.thlsd(threshold: config.drs.threshold, hosts: rows.scratchLoads.count) : 0
        row.migrationsActive = migrations.active.count
        row.migrationsQueued = migrations.queue.count
        let memory = load.memory.totals
        row.memoryConfiguredMB = memory.configuredMB
        row.memoryConsumedMB = memory.consumedMB
        row.memoryActiveMB = memory.activeMB
        row.memoryBalloonedMB = memory.balloonedMB
        row.memoryCompressedMB = memory.compressedMB
        row.memorySwappedMB = memory.swappedMB
        row.memoryContentionMB = memory.contentionMB
        row.hostsMemorySoftOrWorse = memory.hostsSoftOrWorse
        row.powerW = energy.totalPowerW
        row.energyKWh = energy.energyJ / 3_600_000
        return row
    }

    /// Completes the previous sample's row with the migrations started and the downtime ended
    /// during its interval, and hands it to the recorder.
    func emitPendingRow() {
        guard var row = pendingRow else { return }
        row.migrationsStarted = engine.stats.startedSinceSample
        row.downtimeMS = engine.stats.downtimeMSSinceSample
        engine.stats.startedSinceSample = 0
        engine.stats.downtimeMSSinceSample = 0
        recorder.record(sample: row)
        pendingRow = nil
    }

    /// Adds the interval that starts at `now` to the run's summary.
    func accumulate(_ row: TimeseriesRow, at now: SimTime) {
        let dt = (min(now + settings.sampleInterval, settings.duration) - now).seconds
        summary.cpuDemandMHzSeconds += row.cpuDemandMHz * dt
        summary.cpuUnmetMHzSeconds += row.cpuUnmetMHz * dt
        summary.hostOnSeconds += Double(row.hostsOn) * dt
        summary.standbyHostSeconds += Double(row.hostsStandby) * dt
        if row.memoryCapacityMB > 0 {
            summary.memoryOvercommitMax = max(summary.memoryOvercommitMax, row.memoryConfiguredMB / row.memoryCapacityMB)
        }
        summary.memoryBalloonedMBSeconds += row.memoryBalloonedMB * dt
        summary.memorySwappedMBSeconds += row.memorySwappedMB * dt
        summary.memoryContentionMBSeconds += row.memoryContentionMB * dt
        summary.memoryActiveMBSeconds += row.memoryActiveMB * dt
        summary.chlsd.add(row.chlsd)
        summary.chlsdQuantiles.add(row.chlsd)
    }
}
