import SimKernel
import Stochastics

extension ClusterRuntime {
    /// One sample: integrate energy so far, resample demand, share CPU per host, set power, record a row.
    func takeSample(at now: SimTime) {
        energy.advance(to: now)
        sampler.sample(at: now, &vms)
        history.push(cpuMHz: vms.cpuDemandMHz, memoryMB: vms.memoryDemandMB)
        allocateCPU()
        for h in 0..<hosts.count { energy.setPower(h, watts: hostPower(h), at: now) }
        energy.refreshTotal()

        emitPendingRow()
        let row = makeRow(at: now)
        pendingRow = row
        accumulate(row, at: now)
        lastSampleTime = now

        let next = now + settings.sampleInterval
        if next < settings.duration {
            simulation.schedule(at: next, priority: EventPriority.sample, target: target, kind: EventKind.sample.rawValue)
        }
    }

    /// Groups running VMs by host (counting sort) and divides each host's CPU by shares.
    func allocateCPU() {
        let nh = hosts.count
        for h in 0...nh { hostStart[h] = 0 }
        for v in 0..<vms.count where vms.host[v] != noIndex { hostStart[Int(vms.host[v]) + 1] += 1 }
        for h in 0..<nh { hostStart[h + 1] += hostStart[h] }
        for h in 0...nh { hostFill[h] = hostStart[h] }
        for v in 0..<vms.count where vms.host[v] != noIndex {
            let h = Int(vms.host[v])
            hostOrder[Int(hostFill[h])] = Int32(v)
            hostFill[h] += 1
        }
        for h in 0..<nh { allocateHost(h, vmsFrom: Int(hostStart[h]), to: Int(hostStart[h + 1])) }
    }

    /// Re-divides the CPU of hosts `a` and `b` only (after a VM moved between them): O(VMs)
    /// to find their residents instead of a full counting sort, then the two allocations.
    /// (make bench, cluster-32x1000-30d: one full allocation per completed vMotion dominated.)
    func reallocateCPU(_ a: Int, _ b: Int) {
        var n = 0
        for v in 0..<vms.count where vms.host[v] == Int32(a) { hostOrder[n] = Int32(v); n += 1 }
        allocateHost(a, vmsFrom: 0, to: n)
        guard b != a else { return }
        n = 0
        for v in 0..<vms.count where vms.host[v] == Int32(b) { hostOrder[n] = Int32(v); n += 1 }
        allocateHost(b, vmsFrom: 0, to: n)
    }

    /// Divides host `h`'s CPU among the VMs `hostOrder[lo..<hi]` and updates its totals.
    private func allocateHost(_ h: Int, vmsFrom lo: Int, to hi: Int) {
        let k = hi - lo
        hosts.vmCount[h] = Int32(k)
        if scratchDemand.count < k {
            scratchDemand = Array(repeating: 0, count: k * 2)
            scratchReservation = scratchDemand; scratchShares = scratchDemand; scratchServed = scratchDemand
        }
        var demandSum = 0.0, memSum = 0.0
        let coreCap = hosts.coreMHz[h]
        for j in 0..<k {
            let v = Int(hostOrder[lo + j])
            scratchDemand[j] = min(vms.cpuDemandMHz[v], vmVCPUs[v] * coreCap)
            scratchReservation[j] = vmReservation[v]
            scratchShares[j] = vmShares[v]
            demandSum += vms.cpuDemandMHz[v]
            memSum += vms.memoryDemandMB[v]
        }
        let capacity = max(0, hosts.cpuCapacityMHz[h] - hosts.vmotionOverheadMHz[h])
        scratchDemand.withUnsafeBufferPointer { d in
            scratchReservation.withUnsafeBufferPointer { r in
                scratchShares.withUnsafeBufferPointer { s in
                    scratchServed.withUnsafeMutableBufferPointer { out in
                        allocator.allocate(
                            demand: UnsafeBufferPointer(rebasing: d[0..<k]),
                            reservation: UnsafeBufferPointer(rebasing: r[0..<k]),
                            shares: UnsafeBufferPointer(rebasing: s[0..<k]),
                            capacity: capacity,
                            served: UnsafeMutableBufferPointer(rebasing: out[0..<k]))
                    }
                }
            }
        }
        var served = 0.0
        for j in 0..<k {
            vms.cpuServedMHz[Int(hostOrder[lo + j])] = scratchServed[j]
            served += scratchServed[j]
        }
        hosts.cpuDemandMHz[h] = demandSum
        hosts.cpuServedMHz[h] = served
        hosts.memoryDemandMB[h] = memSum
    }

    /// Power draw of host `h` in its current state (DESIGN §4.3).
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

    /// Normalized entitlement of host `h`: the larger of its CPU and memory load (DESIGN §4.5).
    func hostLoad(_ h: Int) -> Double {
        let cpu = hosts.cpuDemandMHz[h] / hosts.cpuCapacityMHz[h]
        let mem = hosts.memoryDemandMB[h] / hosts.memoryCapacityMB[h]
        return max(cpu, mem)
    }

    func makeRow(at now: SimTime) -> TimeseriesRow {
        var row = TimeseriesRow()
        row.time = now
        scratchLoads.removeAll(keepingCapacity: true)
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
            if hosts.state[h] == .on { scratchLoads.append(hostLoad(h)) }
        }
        row.cpuUnmetMHz = max(0, row.cpuDemandMHz - row.cpuServedMHz)
        row.maxHostCPUUtilization = maxU
        row.minHostCPUUtilization = minU.isFinite ? minU : 0
        for v in 0..<vms.count {
            if vms.host[v] != noIndex { row.vmsRunning += 1 } else if vms.downReason[v] != .absent { row.vmsDown += 1 }
        }
        row.chlsd = scratchLoads.withUnsafeBufferPointer { LoadMetrics.standardDeviation($0) }
        row.thlsd = config.drs.enabled ? LoadMetrics.thlsd(threshold: config.drs.threshold, hosts: scratchLoads.count) : 0
        row.migrationsActive = migrations.active.count
        row.migrationsQueued = migrations.queue.count
        row.powerW = energy.totalPowerW
        row.energyKWh = energy.energyJ / 3_600_000
        return row
    }

    /// Completes the previous sample's row with the migrations started and the downtime ended
    /// during its interval, and hands it to the recorder.
    func emitPendingRow() {
        guard var row = pendingRow else { return }
        row.migrationsStarted = migrationStats.startedSinceSample
        row.downtimeMS = migrationStats.downtimeMSSinceSample
        migrationStats.startedSinceSample = 0
        migrationStats.downtimeMSSinceSample = 0
        recorder.record(sample: row)
        pendingRow = nil
    }

    /// Adds the interval that starts at `now` to the run's summary.
    func accumulate(_ row: TimeseriesRow, at now: SimTime) {
        let dt = (min(now + settings.sampleInterval, settings.duration) - now).seconds
        summary.samples += 1
        summary.cpuDemandMHzSeconds += row.cpuDemandMHz * dt
        summary.cpuUnmetMHzSeconds += row.cpuUnmetMHz * dt
        summary.hostOnSeconds += Double(row.hostsOn) * dt
        summary.standbyHostSeconds += Double(row.hostsStandby) * dt
        summary.chlsd.add(row.chlsd)
        summary.chlsdQuantiles.add(row.chlsd)
    }
}
