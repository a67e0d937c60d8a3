import SimKernel

/// Model invariants (docs/reliability.md), checked after every event under ``RunSettings/checkInvariants``
/// (`drsim run --check-invariants`, and every model and property test). Each broken rule is one
/// sentence `t=<time> [<rule>] <entity>: <detail>`; the run stops at the first event that breaks any.
///
/// Rules:
/// - `clock`: the event clock never goes back.
/// - `vm-placement`: every VM is on exactly one host, or down with a reason; a host runs VMs
///   only in `on`, `entering_standby` or `entering_maintenance`.
/// - `vm-count`, `memory-ledger`: a host's VM count and reserved memory equal what its residents
///   and the migrations copying into it hold.
/// - `memory-capacity`: no host holds more memory than it has.
/// - `migration-accounting`: every request ends in exactly one outcome — requests = outcomes
///   recorded + migrations queued or copying — and a VM is flagged as migrating exactly when one
///   of its migrations is in flight (at most one).
/// - `migration-compatible`: an in-flight migration's VM is on its source, its destination is
///   `on`, and the two hosts are vMotion-compatible (VMkernel ports, CPU vendor and feature
///   level, network label, datastore or shared-nothing).
/// - `dpm-destination`: DPM never powers off a host that in-flight migrations head to.
/// - `host-transition`: the host power-state machine only takes the moves of
///   ``HostPowerState/canMove(to:)`` (noted by ``changeHostState(_:to:reason:)`` as they happen).
/// - `energy-monotone`: metered energy never decreases.
/// - `host-power`: the meter's draw of each host equals the power recomputed here from its state
///   and load, at every check — so no change of state or load goes unmetered.
/// - `energy-audit`: metered energy (a running cluster total × Δt) equals the per-host integral
///   Σ_h ∫ P_h dt that ``EnergyAudit`` keeps from the same power changes.
extension InvariantAudit {
    /// Checks every rule at `view`'s instant and returns the broken ones (empty when all hold).
    /// Advances the checker's own records (energy audit, last time), so call it once per instant.
    mutating func check(_ view: ClusterView, energy: EnergyMeter) -> [String] {
        let t = view.now
        var out = badTransitions
        badTransitions.removeAll()
        if t < lastTime { out.append("t=\(t) [clock] simulation: time went back from \(lastTime)") }
        view.checkHostsAndVMs(into: &out, at: t)
        view.checkMigrations(into: &out, at: t)
        checkEnergy(view, energy, into: &out, at: t)
        view.checkMustRules(into: &out, at: t)
        view.checkChurn(into: &out, at: t)
        lastTime = t
        return out
    }

    /// Records a host's state change; a move the state machine forbids is reported at the next check.
    mutating func noteTransition(host name: String, from old: HostPowerState, to new: HostPowerState, at t: SimTime) {
        guard !old.canMove(to: new) else { return }
        badTransitions.append("t=\(t) [host-transition] host \(name): \(old.csvName) → \(new.csvName) is not an allowed transition")
    }

    private mutating func checkEnergy(_ view: ClusterView, _ energy: EnergyMeter, into out: inout [String], at t: SimTime) {
        let name = view.config.name
        if energy.energyJ < lastMeteredEnergyJ {
            out.append("t=\(t) [energy-monotone] cluster \(name): energy decreased from \(lastMeteredEnergyJ) J to \(energy.energyJ) J")
        }
        lastMeteredEnergyJ = energy.energyJ
        if let independent = energy.audit?.energyJ(at: t) {
            let metered = energy.energyJ + energy.totalPowerW * (t - energy.lastUpdate).seconds
            if abs(metered - independent) > 1e-3 + 1e-9 * independent {
                out.append("t=\(t) [energy-audit] cluster \(name): metered \(metered) J ≠ Σ_h ∫ P_h dt \(independent) J")
            }
        }
        for h in 0..<view.hosts.count {
            let p = view.recomputedPowerW(h)
            if abs(energy.powerW[h] - p) > 1e-9 * max(1, p) {
                out.append("t=\(t) [host-power] host \(view.hosts.configs[h].name): meter draws \(energy.powerW[h]) W, "
                           + "state \(view.hosts.state[h].csvName) and load give \(p) W")
            }
        }
    }
}

extension ClusterView {
    /// `must` VM-Host rules: a running VM is never on a host its rule forbids (DRS, DPM,
    /// maintenance, HA and manual vMotions all honour them).
    func checkMustRules(into out: inout [String], at t: SimTime) {
        for r in rules.rules where r.kind == .vmHost && r.mode == .must {
            for v in r.vms {
                let h = vms.host[Int(v)]
                guard h >= 0 else { continue }
                if r.hosts.contains(h) != (r.relation == .runOn) {
                    out.append("t=\(t) [must-rule] VM \(vms.configs[Int(v)].name): on host \(hosts.configs[Int(h)].name), which rule '\(r.name)' forbids")
                }
            }
        }
    }

    func checkHostsAndVMs(into out: inout [String], at t: SimTime) {
        var reserved = Array(repeating: 0.0, count: hosts.count)
        var reservedCPU = Array(repeating: 0.0, count: hosts.count)
        var counts = Array(repeating: Int32(0), count: hosts.count)
        for v in 0..<vms.count {
            let h = Int(vms.host[v])
            let vm = vms.configs[v].name
            if h == Int(noIndex) {
                if vms.downReason[v] == .none { out.append("t=\(t) [vm-placement] VM \(vm): down without a reason") }
                continue
            }
            guard h >= 0, h < hosts.count else {
                out.append("t=\(t) [vm-placement] VM \(vm): on host index \(h), which does not exist")
                continue
            }
            if vms.downReason[v] != .none {
                out.append("t=\(t) [vm-placement] VM \(vm): running on \(hosts.configs[h].name) but marked down (\(vms.downReason[v].csvName))")
            }
            if !hosts.state[h].runsVMs {
                out.append("t=\(t) [vm-placement] VM \(vm): runs on host \(hosts.configs[h].name) in state \(hosts.state[h].csvName)")
            }
            reserved[h] += vms.footprintMB[v]
            reservedCPU[h] += vms.cpuReservationMHz[v]
            counts[h] += 1
            checkMemoryAccounting(v, into: &out, at: t)
        }
        for id in migrations.active {
            let m = migrations.slots[Int(id)]
            if m.started != nil {
                reserved[Int(m.destination)] += vms.footprintMB[Int(m.vm)]
                reservedCPU[Int(m.destination)] += vms.cpuReservationMHz[Int(m.vm)]
            }
        }
        for h in 0..<hosts.count {
            let name = hosts.configs[h].name
            if abs(reserved[h] - hosts.memoryReservedMB[h]) > 1e-6 * max(1, reserved[h]) {
                out.append("t=\(t) [memory-ledger] host \(name): ledger \(hosts.memoryReservedMB[h]) MB ≠ residents + "
                           + "incoming copies \(reserved[h]) MB")
            }
            if reserved[h] > hosts.memoryCapacityMB[h] * (1 + 1e-9) + 1e-6 {
                out.append("t=\(t) [memory-capacity] host \(name): \(reserved[h]) MB reserved + overhead > \(hosts.memoryCapacityMB[h]) MB capacity")
            }
            if abs(reservedCPU[h] - hosts.cpuReservedMHz[h]) > 1e-6 * max(1, reservedCPU[h]) {
                out.append("t=\(t) [cpu-ledger] host \(name): ledger \(hosts.cpuReservedMHz[h]) MHz ≠ residents + incoming copies \(reservedCPU[h]) MHz")
            }
            if reservedCPU[h] > hosts.cpuCapacityMHz[h] * (1 + 1e-9) + 1e-6 {
                out.append("t=\(t) [cpu-capacity] host \(name): \(reservedCPU[h]) MHz reserved > \(hosts.cpuCapacityMHz[h]) MHz capacity")
            }
            if counts[h] != hosts.vmCount[h] {
                out.append("t=\(t) [vm-count] host \(name): VM count \(hosts.vmCount[h]) ≠ \(counts[h]) residents")
            }
        }
    }

    func checkMigrations(into out: inout [String], at t: SimTime) {
        let stats = migrationStats
        let outcomes = stats.byOutcome.values.reduce(0, +)
        let inFlight = migrations.active.count + migrations.queue.count
        if stats.requests != outcomes + inFlight {
            out.append("t=\(t) [migration-accounting] cluster \(config.name): \(stats.requests) requests ≠ \(outcomes) outcomes "
                       + "+ \(inFlight) in flight")
        }
        var flights = Array(repeating: 0, count: vms.count)
        for id in migrations.active + migrations.queue {
            let m = migrations.slots[Int(id)]
            let v = Int(m.vm)
            flights[v] += 1
            if let problem = migrationProblem(m) {
                out.append("t=\(t) [migration-compatible] VM \(vms.configs[v].name): migration "
                           + "\(hostName(m.source)) → \(hostName(m.destination)) \(problem)")
            }
        }
        for v in 0..<vms.count where flights[v] > 1 || vms.migrating[v] != (flights[v] == 1) {
            out.append("t=\(t) [migration-accounting] VM \(vms.configs[v].name): \(flights[v]) migrations in flight, "
                       + "flagged migrating = \(vms.migrating[v])")
        }
    }

    /// Why an in-flight migration breaks the rules, or nil.
    private func migrationProblem(_ m: MigrationSlot) -> String? {
        let v = Int(m.vm), s = Int(m.source), d = Int(m.destination)
        guard s >= 0, s < hosts.count, d >= 0, d < hosts.count else { return "names a host that does not exist" }
        if Int(vms.host[v]) != s { return "but the VM is not on its source" }
        if hosts.state[d] != .on { return "into a host in state \(hosts.state[d].csvName)" }
        switch vmotion.vmotionDetail(v, from: s, to: d, featureRank: vms.featureRank[v], datastore: vms.datastore[v],
                                     sharedNothing: m.sharedNothing) {
        case .none: return nil
        case .license: return "without a license that allows vMotion"
        case .noVMotionVMkernel: return "without a vMotion VMkernel port on both hosts"
        case .cpuVendorMismatch: return "crosses CPU vendors"
        case .cpuFeatureLevel: return "to a host below the VM's CPU feature level"
        case .networkLabelMissing: return "to a host without the VM's network label"
        default: return "to a host that does not mount the VM's datastore, without shared-nothing vMotion"
        }
    }

    private func hostName(_ h: Int32) -> String {
        h >= 0 && Int(h) < hosts.count ? hosts.configs[Int(h)].name : "#\(h)"
    }

    /// Host `h`'s draw from docs/model.md (Power and energy), computed here on purpose rather than through the
    /// runtime's own power function: running hosts follow their power model at the CPU
    /// utilization (served + vMotion reservation) / capacity; booting draws max, shutting down
    /// and maintenance idle, standby `standby_w`, failed nothing.
    func recomputedPowerW(_ h: Int) -> Double {
        let c = hosts.configs[h]
        switch hosts.state[h] {
        case .on, .enteringStandby, .enteringMaintenance:
            let u = (hosts.cpuServedMHz[h] + hosts.vmotionOverheadMHz[h]) / hosts.cpuCapacityMHz[h]
            return c.power.watts(atUtilization: min(1, u))
        case .booting: return c.power.maxW
        case .shuttingDown, .maintenance: return c.power.idleW
        case .standby: return c.standbyW
        case .failed: return 0
        }
    }
}

extension ClusterView {
    /// Churn invariants: a VM is never in the cluster before its arrival or after its departure,
    /// and a free churn row holds no VM.
    func checkChurn(into out: inout [String], at t: SimTime) {
        for v in 0..<vms.count {
            let c = vms.configs[v]
            let outside = c.arrival > t || (c.departure.map { $0 < t } ?? false)
            if outside && (vms.host[v] != noIndex || vms.downReason[v] != .absent || vms.migrating[v]) {
                out.append("t=\(t) [churn] VM \(c.name): in the cluster outside its lifetime (arrival \(c.arrival))")
            }
        }
        for rows in churn.freeRows {
            for v in rows.map(Int.init) where vms.host[v] != noIndex || vms.downReason[v] != .absent {
                out.append("t=\(t) [churn] row \(v) (\(vms.configs[v].name)): free but holds a VM")
            }
        }
    }

    /// A running VM's memory adds up (docs/model.md, Memory): resident + reclaimed (shared, ballooned,
    /// compressed, swapped) = consumed, every part non-negative, consumed within [active, configured],
    /// and nothing above the limit resident.
    func checkMemoryAccounting(_ v: Int, into out: inout [String], at t: SimTime) {
        let consumed = vms.consumedMemoryMB[v], active = vms.activeMemoryMB[v]
        let shared = vms.sharedMB[v], ballooned = vms.balloonedMB[v], compressed = vms.compressedMB[v], swapped = vms.swappedMB[v]
        let resident = consumed - shared - ballooned - compressed - swapped
        let tolerance = 1e-6 * max(1, consumed)
        if min(shared, ballooned, compressed, swapped) < -tolerance || resident < -tolerance {
            out.append("t=\(t) [memory-accounting] VM \(vms.configs[v].name): resident \(resident) MB + shared \(shared) + ballooned "
                       + "\(ballooned) + compressed \(compressed) + swapped \(swapped) MB ≠ consumed \(consumed) MB with every part ≥ 0")
        }
        if consumed > vms.configs[v].memoryMB + tolerance || active > consumed + tolerance {
            out.append("t=\(t) [memory-accounting] VM \(vms.configs[v].name): active \(active) ≤ consumed \(consumed) ≤ "
                       + "configured \(vms.configs[v].memoryMB) MB broken")
        }
        if resident > vms.configs[v].memoryLimitMB + tolerance {
            out.append("t=\(t) [memory-limit] VM \(vms.configs[v].name): \(resident) MB resident above its \(vms.configs[v].memoryLimitMB) MB limit")
        }
    }
}

/// What the invariant checker carries from one check to the next (used only under
/// ``RunSettings/checkInvariants``; see ``ClusterRuntime/invariantViolations()``).
struct InvariantAudit {
    /// Time and metered energy at the previous check (the clock and energy never go back).
    var lastTime: SimTime = .zero
    var lastMeteredEnergyJ = 0.0
    /// Host state changes that the state machine does not allow, noted as they happen.
    var badTransitions: [String] = []
    /// The rules broken at the first event that broke any (the run stopped there).
    var violations: [String] = []
}
