import SimKernel

extension ClusterRuntime {
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
            requestMigration(vm: Int(vm), to: Int(to), reason: .manual)
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
