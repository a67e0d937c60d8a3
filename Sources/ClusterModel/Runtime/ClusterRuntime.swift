import SimKernel
import Stochastics

/// Simulates one cluster on its own event queue: workload sampling, CPU contention, power and
/// energy, and (through extensions) placement, migrations and policies.
///
/// Clusters share nothing, so a run is a set of independent `ClusterRuntime`s whose outputs are
/// merged by time (see Experiments' `RunRunner`); this is what lets a fleet run on all cores
/// with output identical to a single-threaded run.
///
/// Event order at equal times follows ``EventPriority``: state changes first, then sampling,
/// then policies, so policies always see the demand of the sample taken at the same instant.
public final class ClusterRuntime: EventHandler {
    // Wiring and dispatch only: what each part owns and may write is in docs/architecture.md.
    /// The cluster's configuration (read-only).
    public var config: ClusterConfig { _read { yield configReference.value } }
    /// The configuration, held once by reference and shared with every view (``ClusterConfigReference``).
    let configReference: ClusterConfigReference
    public let settings: RunSettings
    public let simulation: Simulation
    let recorder: ClusterRecorder
    /// This runtime's handler id on `simulation` (the target of its events).
    let target: Int32
    /// Host and VM tables, placement and reservation ledgers, the observers' marks (ClusterState.swift).
    var state: ClusterState
    /// The workload sampler and the CPU and memory schedulers (their passes run over `state`'s tables).
    var load: LoadModels
    /// The vMotion engine: migration tables, concurrency ledger, bandwidth (MigrationEngine.swift).
    var engine: MigrationEngine
    /// The one vMotion and host compatibility rule set (VMotionCompatibility.swift).
    let vmotion: VMotionCompatibility
    /// Host lifecycle: maintenance, windows, failures, outages, HA restarts (Lifecycle/HostLifecycle.swift).
    var lifecycle: HostLifecycle
    /// What DRS and DPM read and keep between passes (PolicyInputs.swift).
    var policy: PolicyInputs
    public internal(set) var energy: EnergyMeter
    public internal(set) var summary = ClusterSummary()
    /// The latest sample's row, not yet emitted, and the row's scratch space.
    var rows = SampleRows()
    /// The invariant checker's records and what it found (``RunSettings/checkInvariants``).
    var audit = InvariantAudit()

    /// The host table (read-only here: ``ClusterState`` and host lifecycle write it).
    public var hosts: HostTable { _read { yield state.hosts } }
    /// The VM table (read-only here: ``ClusterState``, the sampler and the schedulers write it).
    public var vms: VMTable { _read { yield state.vms } }
    /// Invariants found broken under ``RunSettings/checkInvariants`` (the run stops at the first).
    public var violations: [String] { audit.violations }
    /// The run's calendar (hour of day, weekday of simulated times).
    public var calendar: SimCalendar { SimCalendar(startUnixSeconds: settings.startUnixSeconds) }

    /// A runtime for one cluster. `balancingPolicy`, when given, plans every DRS pass instead of the
    /// built-in algorithm (docs/architecture.md, "Adding a balancing policy"); `drs.enabled`,
    /// `drs.period` and `drs.automation` still apply. `powerPolicy`, when given, plans every DPM
    /// pass instead of ``ClassicDPM`` ("Adding a power policy"); `dpm.enabled` and
    /// `dpm.automation` still apply.
    public init(config input: ClusterConfig, settings: RunSettings, recorder: ClusterRecorder, balancingPolicy: (any BalancingPolicy)? = nil,
                powerPolicy: (any PowerPolicy)? = nil) {
        let (config, churn) = ChurnState.withRows(input, settings: settings)
        configReference = ClusterConfigReference(config)
        self.settings = settings
        self.recorder = recorder
        let simulation = Simulation(expectedPending: 64 + config.hosts.count * 4)
        self.simulation = simulation
        // The runtime registers first on its own simulation: handler ids start at 0.
        target = 0
        state = ClusterState(config, churn: churn)
        energy = EnergyMeter(hostCount: config.hosts.count, audited: settings.checkInvariants)
        load = LoadModels(sampler: WorkloadSampler(config: config, settings: settings), cpu: CPUScheduler(config),
                          memory: MemoryScheduler(config))
        for v in 0..<config.vms.count {
            let p = config.workloads[Int(config.vms[v].workload)]
            let memory = config.vms[v].memoryMB
            state.vms.expectedMemoryMB[v] = min(memory, max(p.consumedFraction, p.activeFraction) * memory) + config.vms[v].overheadMB
        }
        engine = MigrationEngine(config: config, seed: settings.seed, simulation: simulation, target: 0, recorder: recorder)
        policy = PolicyInputs(config, settings, scoreWindows: Self.scoreWindows(config, settings), balancing: balancingPolicy, power: powerPolicy)
        vmotion = VMotionCompatibility(config)
        lifecycle = HostLifecycle(config, seed: settings.seed)
        let registered = simulation.register(self)
        precondition(registered == target, "a cluster's simulation has its runtime as first handler")
    }

    /// Places the VMs and schedules the first sample at t = 0.
    public func start() {
        load.sampler.initialize(&state.vms)
        placeAllVMs()
        state.changes.everyHostPowerChanged()
        flushHostChanges()
        simulation.schedule(at: .zero, priority: EventPriority.sample, target: target, kind: EventKind.sample.rawValue)
        scheduleActions()
        if config.drs.enabled { summary.drsAlgorithm = config.balancingAlgorithm }
        scheduleDRS(at: .zero)
        scheduleDPM(at: .zero)
        scheduleWindows()
        for h in 0..<hosts.count { scheduleRandomFailure(h) }
        scheduleChurn()
    }

    /// Runs events up to `t` (inclusive), bounded by the run's duration.
    public func advance(until t: SimTime) {
        simulation.run(until: min(t, settings.duration))
    }

    /// Closes the books at the end of the run and returns the cluster's summary.
    public func finish() -> ClusterSummary {
        let end = settings.duration
        emitPendingRow()
        for v in 0..<vms.count where vms.host[v] == noIndex && vms.downReason[v] != .absent {
            summary.vmSecondsDown += (end - lifecycle.downSince[v]).seconds
        }
        engine.recordUnfinished(state)
        closeOpenRecords()
        for w in lifecycle.windows where w.finished == nil {
            guard let started = w.started else { continue }
            summary.maintenanceWindowSeconds += (end - started).seconds
            summary.maintenanceHostsPatched += w.patched
        }
        energy.advance(to: end)
        summary.migrations = engine.stats
        summary.energyJ = energy.energyJ
        summary.simulatedSeconds = end.seconds
        return summary
    }

    public func handle(_ event: Event, in simulation: Simulation) {
        let started = ContinuousClock.now
        defer { summary.phaseSeconds[EventKind.phase(of: event.kind)] += (ContinuousClock.now - started).secondsDouble }
        switch EventKind(rawValue: event.kind) {
        case .sample: takeSample(at: event.time)
        case .migrationStep: migrationStepEnded(Int32(event.payload))
        case .migrationSwitchover: switchoverEnded(Int32(event.payload))
        case .scenarioAction: performAction(Int(event.payload))
        case .drsPass: drsPass()
        case .dpmPass: dpmPass()
        case .hostTimer: hostTimerFired(Int(event.payload))
        case .evacuationCheck: evacuationCheck(Int(event.payload))
        case .windowStart: windowStarted(Int(event.payload))
        case .randomFailure: randomFailure(Int(event.payload))
        case .haRestart: if let v = stampedVM(event.payload) { haRestart(v) }
        case .vmArrival: vmArrives(Int(event.payload))
        case .vmDeparture: vmDeparts(Int(event.payload))
        case .churnArrival: churnArrives(Int(event.payload))
        case .none: preconditionFailure("unknown event kind \(event.kind)")
        }
        flushHostChanges()
        if settings.checkInvariants, audit.violations.isEmpty {
            let broken = invariantViolations()
            if !broken.isEmpty {
                audit.violations = broken
                simulation.stop()
            }
        }
    }
}

extension ClusterRuntime {
    /// The cluster as it is now, read-only (see ``ClusterView``).
    func view(network: VMotionNetwork = VMotionNetwork()) -> ClusterView {
        ClusterView(now: simulation.now, configReference: configReference, hosts: state.hosts, vms: state.vms, migrations: engine.table,
                    migrationStats: engine.stats, vmotion: vmotion, rules: policy.rules, churn: state.churn, network: network)
    }

    /// Checks every invariant at the current instant and returns the broken ones (empty when all
    /// hold; see InvariantAudit.swift). Advances the checker's records, so call it once per instant.
    public func invariantViolations() -> [String] { audit.check(view(), energy: energy) }
}

/// Migrations: requests are checked here (``checkMigration(vm:to:)``) and handed to the
/// ``MigrationEngine``; what the engine returns as ended moves evacuations on.
extension ClusterRuntime {
    /// Submits a migration of VM `v` to host `d` and flushes the observers (a public call ends
    /// like an event). Returns the rejection detail when the checks fail at once (the request is
    /// then recorded as `rejected`), else `.none` (started or queued).
    @discardableResult
    public func requestMigration(vm v: Int, to d: Int, reason: MigrationReason) -> MigrationDetail {
        let detail = submitMigration(vm: v, to: d, reason: reason)
        flushHostChanges()
        return detail
    }

    /// ``requestMigration(vm:to:reason:)`` inside an event (the event's end flushes).
    @discardableResult
    func submitMigration(vm v: Int, to d: Int, reason: MigrationReason) -> MigrationDetail {
        engine.count(reason)
        let detail = checkMigration(vm: v, to: d)
        guard detail == .none else {
            inPlace(&state) { engine.reject(vm: v, to: d, reason: reason, detail: detail, $0) }
            return detail
        }
        engine.enqueue(vm: v, to: d, reason: reason, &state)
        return .none
    }

    /// Number of migrations copying now, and waiting for a slot.
    public var migrationsActiveCount: Int { engine.table.active.count }
    public var migrationsQueuedCount: Int { engine.table.queue.count }

    /// Destinations and VMs of every queued or copying migration (for policies that must count
    /// in-flight moves where they are going).
    public var migrationsInFlight: [(vm: Int, source: Int, destination: Int)] {
        engine.inFlight.map {
            let m = engine.table.slots[Int($0)]
            return (Int(m.vm), Int(m.source), Int(m.destination))
        }
    }

    /// The run's migration figures so far.
    public var migrationStats: MigrationStatistics { engine.stats }

    func migrationStepEnded(_ id: Int32) { inPlace(&state) { engine.stepEnded(id, $0) } }

    func switchoverEnded(_ id: Int32) {
        if let ended = engine.switchoverEnded(id, &state) { evacuationProgress(ended) }
    }

    /// Ends migration `id` and moves on the evacuation of the host it was leaving.
    func finishMigration(_ id: Int32, outcome: MigrationOutcome, detail: MigrationDetail) {
        if let ended = engine.finish(id, outcome: outcome, detail: detail, &state) { evacuationProgress(ended) }
    }

    /// Host `h` leaves `on` (failure, power-off, maintenance): migrations into it abort and the
    /// VMs stay on their sources. With `sourceFailed`, migrations out of it fail (their VMs go
    /// down with the host; the caller handles the VMs).
    public func abortMigrations(involving h: Int, sourceFailed: Bool) {
        abortMigrationsInvolving(h, sourceFailed: sourceFailed)
        flushHostChanges()
    }

    func abortMigrationsInvolving(_ h: Int, sourceFailed: Bool) {
        for id in engine.inFlight {
            guard engine.table.contains(id),   // ended by an earlier iteration
                  let (outcome, detail) = engine.ending(of: id, hostLeftOn: h, sourceFailed: sourceFailed) else { continue }
            finishMigration(id, outcome: outcome, detail: detail)
        }
    }

    // Read-only views of the engine for the policies.
    var migrations: MigrationTable { _read { yield engine.table } }
    var linkMbps: [Double] { engine.linkMbps }
    var vmotionStreams: [Int] { engine.streams }
    var ledger: ConcurrencyLedger { _read { yield engine.ledger } }
    var estimatedVMotionSeconds: Double { engine.estimatedSeconds }
    func vmotionStreamCapMbps(_ s: Int, _ d: Int) -> Double { engine.streamCapMbps(s, d) }
    func vmotionReservationMHz(_ h: Int) -> Double { engine.reservationMHz[h] }
}

extension ClusterRuntime {
    /// vMotion stage 1: the checks vCenter makes when a migration is requested (docs/model.md,
    /// vMotion, Checks; ``ClusterState/migrationDetail(_:to:vmotion:rules:destinationIsFailoverHost:)``).
    /// Returns ``MigrationDetail/none`` when the request may proceed.
    public func checkMigration(vm v: Int, to d: Int) -> MigrationDetail {
        let failoverHost = isReservedFailoverHost(d), rules = policy.rules
        return inPlace(&state) { $0.migrationDetail(v, to: d, vmotion: self.vmotion, rules: rules, destinationIsFailoverHost: failoverHost) }
    }

    /// Whether moving VM `v` to host `d` would be a shared-nothing vMotion (disk copied too).
    public func isSharedNothing(vm v: Int, to d: Int) -> Bool {
        !hosts.configs[d].datastores.contains(vms.datastore[v])
    }
}

extension ClusterRuntime {
    // MARK: Scenario events

    /// Schedules the scenario's `events:` for this cluster, in list order at equal times.
    func scheduleActions() {
        for (i, a) in config.actions.enumerated() where a.at < settings.duration {
            simulation.schedule(at: a.at, priority: EventPriority.scenario, target: target,
                                kind: EventKind.scenarioAction.rawValue, payload: Int64(i))
        }
    }

    /// Carries out scenario event `index`.
    func performAction(_ index: Int) {
        switch config.actions[index].action {
        case let .migrate(vm, to):
            submitMigration(vm: Int(vm), to: Int(to), reason: .manual)
        case let .enterMaintenance(h, duration):
            enterMaintenance(Int(h), purpose: duration == nil ? .maintenanceOpen : .maintenanceTimed, duration: duration ?? .zero)
        case let .exitMaintenance(h):
            exitMaintenance(Int(h))
        case let .failHost(h, repairAfter):
            failHost(Int(h), repairAfter: repairAfter ?? config.failures.repairTime)
        case let .repairHost(h):
            if hosts.state[Int(h)] == .failed { hostTimerFired(Int(h)) }
        case let .powerOffHost(h):
            enterStandby(Int(h), reason: .manual)
        case let .powerOnHost(h):
            wake(Int(h), reason: .manual)
        }
    }
}
