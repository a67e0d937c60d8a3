// RunOutcome: why `Simulation.run(until:)` returned.

/// Why `Simulation.run(until:)` returned.
public enum RunOutcome: Hashable, Sendable {
    /// Every event at or before `end` ran; later events remain pending; `now == end`.
    case reachedEnd
    /// A handler called `Simulation.stop()`; `now` is the time of that handler's event, and
    /// events not yet run (even at or before `end`) remain pending.
    case stopped
    /// The queue ran empty; `now == end` all the same.
    case exhausted
}
