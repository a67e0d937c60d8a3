import SimKernel

extension ClusterRuntime {
    /// Moves host `h` to `state`, recording a `power_events.csv` row and applying the
    /// consequences: migrations into a host that leaves `on` abort; a failed host's outbound
    /// migrations fail and its VMs go down (reason `host_failure`). Power draw changes at once.
    public func changeHostState(_ h: Int, to state: HostPowerState, reason: PowerEventReason) {
        let old = hosts.state[h]
        guard old != state else { return }
        let now = simulation.now
        hosts.state[h] = state
        if settings.checkInvariants { noteTransition(h, from: old, to: state) }
        if settings.checkInvariants, old == .on, state == .enteringStandby, reason == .dpm,
           migrationsInFlight.contains(where: { $0.destination == h }) {
            audit.badTransitions.append("t=\(now) [dpm-destination] host \(hosts.configs[h].name): DPM powers it off while migrations head to it")
        }
        recorder.record(powerEvent: PowerEventRecord(time: now, host: hosts.configs[h].name, from: old, to: state, reason: reason))
        if old == .on || state == .failed {
            abortMigrations(involving: h, sourceFailed: state == .failed)
        }
        if state == .failed {
            for v in 0..<vms.count where Int(vms.host[v]) == h {
                vms.host[v] = noIndex
                vms.downReason[v] = .hostFailure
                downSince[v] = now
                vms.cpuServedMHz[v] = 0
                summary.haOutages += 1
            }
            hosts.memoryReservedMB[h] = 0
            hosts.cpuReservedMHz[h] = 0
            hosts.expectedMemoryMB[h] = 0
            hosts.vmCount[h] = 0
            hosts.cpuDemandMHz[h] = 0
            hosts.cpuServedMHz[h] = 0
            hosts.memoryDemandMB[h] = 0
        }
        if state == .on { lifecycle.onSince[h] = now }
        if state == .standby || state == .failed { summary.hostPowerCycles += state == .standby ? 1 : 0 }
        energy.setPower(h, watts: hostPower(h), at: now)
        energy.refreshTotal()
    }
}
