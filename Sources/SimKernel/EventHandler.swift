// EventHandler: the one callback through which the kernel drives everything built on it.

/// An object that reacts to the events addressed to it.
///
/// Register it with `Simulation.register(_:)` and schedule events with the returned id as
/// `target`. The simulation keeps a strong reference to every registered handler for its own
/// lifetime; a handler receives the simulation as an argument and need not store it.
public protocol EventHandler: AnyObject {
    /// Handles one event; `simulation.now == event.time` during the call.
    ///
    /// The handler may schedule new events (at `now` or later), cancel pending ones, or call
    /// `simulation.stop()`.
    func handle(_ event: Event, in simulation: Simulation)
}
