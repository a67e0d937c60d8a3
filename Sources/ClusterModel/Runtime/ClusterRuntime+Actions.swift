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
        }
    }
}
