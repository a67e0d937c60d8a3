/// Event kinds of a ``ClusterRuntime`` (its events carry one as `kind`).
enum EventKind: Int32 {
    case sample = 1
    case migrationStep
    case migrationSwitchover
    case scenarioAction
    case drsPass
    case dpmPass
    case hostTimer
    case evacuationCheck
    case windowStart
    case randomFailure
    case haRestart
    case vmArrival
    case vmDeparture
    case churnArrival
}

extension EventKind {
    /// Index into ``ClusterSummary/phaseSeconds`` of an event kind.
    static func phase(of kind: Int32) -> Int {
        switch EventKind(rawValue: kind) {
        case .sample: RunPhase.sampling.rawValue
        case .drsPass: RunPhase.drs.rawValue
        case .dpmPass: RunPhase.dpm.rawValue
        case .migrationStep, .migrationSwitchover: RunPhase.migrations.rawValue
        default: RunPhase.lifecycle.rawValue
        }
    }
}

/// Priorities at equal times (lower first): state changes, then sampling, then policies.
enum EventPriority {
    static let stateChange: Int32 = 0
    static let sample: Int32 = 10
    static let policy: Int32 = 20
    static let scenario: Int32 = 30
}
