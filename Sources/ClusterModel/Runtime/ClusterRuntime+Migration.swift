import SimKernel

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
            engine.reject(vm: v, to: d, reason: reason, detail: detail, state)
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

    func migrationStepEnded(_ id: Int32) { engine.stepEnded(id, state) }

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
    func vmotionReservationMHz(_ h: Int) -> Double { engine.reservationMHz(h, hosts) }
}

extension ClusterRuntime {
    /// vMotion stage 1: the checks vCenter makes when a migration is requested (docs/model.md,
    /// vMotion, Checks). Returns ``MigrationDetail/none`` when the request may proceed.
    /// The order is fixed so that each request gets one stable reason code.
    public func checkMigration(vm v: Int, to d: Int) -> MigrationDetail {
        let s = Int(vms.host[v])
        guard s != Int(noIndex) else { return .vmNotRunning }
        if vms.migrating[v] { return .alreadyMigrating }
        if s == d { return .sameHost }
        guard hosts.state[d] == .on else { return .destinationNotOn }
        let rule = vmotion.vmotionDetail(v, from: s, to: d, featureRank: vms.featureRank[v], datastore: vms.datastore[v],
                                         sharedNothing: vmotion.sharedNothingSupported)
        guard rule == .none else { return rule }
        guard admitsReservations(v, on: d) else { return state.reservationShortfall(v, on: d) }
        // HA admission control: a vMotion onto a dedicated failover host is refused.
        guard !isReservedFailoverHost(d) else { return .haFailoverHost }
        // vCenter refuses a vMotion that would break a `must` VM-Host rule [Docs-Affinity-VMHost].
        guard rules.allows(v, on: d, mustOnly: true, hostOf: { vms.host[$0] }) else { return .mustRule }
        return .none
    }

    /// Whether moving VM `v` to host `d` would be a shared-nothing vMotion (disk copied too).
    public func isSharedNothing(vm v: Int, to d: Int) -> Bool {
        !hosts.configs[d].datastores.contains(vms.datastore[v])
    }
}
