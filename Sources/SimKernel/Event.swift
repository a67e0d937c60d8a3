// Event: the plain value the kernel delivers to a handler.

/// What is delivered to a handler: when, in which order, to whom, and two handler-defined words.
///
/// A plain value with no references, so scheduling one allocates nothing. Handlers give
/// `kind` and `payload` their meaning (for example an enum raw value and an entity index).
public struct Event: Hashable, Sendable {
    /// The simulated time at which the event fires.
    public let time: SimTime
    /// Tie-breaker at equal `time`: lower runs first.
    public let priority: Int32
    /// The handler id returned by `Simulation.register(_:)`.
    public let target: Int32
    /// Handler-defined discriminator.
    public let kind: Int32
    /// Handler-defined data.
    public let payload: Int64

    /// Creates an event value.
    @inlinable
    public init(time: SimTime, priority: Int32 = 0, target: Int32, kind: Int32 = 0, payload: Int64 = 0) {
        self.time = time
        self.priority = priority
        self.target = target
        self.kind = kind
        self.payload = payload
    }
}

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
