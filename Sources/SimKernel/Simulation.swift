// Simulation: the discrete-event run loop (DESIGN.md §2).
//
// Kernel contract:
// - Time is integer microseconds (`SimTime`); the clock `now` never goes back.
// - Events run in the total order (time, priority, sequence): earlier time first; at equal time,
//   lower priority first; at equal time and priority, in insertion (scheduling) order, FIFO.
// - A handler may schedule events at `now`: they run in the same instant, after the events with
//   an equal or smaller (time, priority) key that are already queued.
// - Cancellation is O(1): a handle carries a slot index and a generation stamp (the event's
//   sequence number); a cancelled event is left in the heap and discarded lazily, never found by
//   a linear scan. Cancelling an event that already fired or was cancelled returns false.
// - No globals: any number of independent simulations can run side by side (one per thread).

/// A discrete-event simulation: a clock, an event queue and the handlers events are sent to.
///
/// **Order.** Events run in the total order `(time, priority, sequence)`, where `sequence` is
/// insertion order: earlier times first; at equal time, lower `priority` first; at equal time
/// and priority, first scheduled, first run (FIFO). A handler may schedule an event at `now`;
/// it runs in the same instant, after every already-queued event with an equal or smaller
/// `(time, priority)`.
///
/// **Cancellation.** `schedule` returns an `EventHandle` (slot index + generation stamp);
/// `cancel` is O(1) amortized. The cancelled entry is dropped lazily when it reaches the front
/// of the queue or in a periodic compaction, never looked up by a linear scan. A handle whose
/// event fired or was cancelled is stale: cancelling it returns `false`, even after its slot was
/// reused by a newer event.
///
/// **Clock.** `now` never goes back: scheduling before `now` is a programmer error
/// (`precondition`), and `run(until:)` requires `end >= now`.
///
/// A `Simulation` is not thread-safe; run independent simulations on separate threads.
public final class Simulation {
    /// The simulation's mutable state, kept out of the class's stored properties.
    ///
    /// Performance: a class's `var`s pay a dynamic exclusivity check (`swift_beginAccess`) on
    /// every access. State reached through a `let` pointer is checked statically only. Sound
    /// because no access to `State` is held across a handler call (see `run(until:)`).
    /// KernelBenchmark.holdModel, release, 1,000 pending: 7.3 M events/s as class `var`s,
    /// 9.3 M events/s through the pointer.
    @usableFromInline
    internal struct State {
        @usableFromInline var now: SimTime = .zero
        @usableFromInline var eventsProcessed: Int64 = 0
        @usableFromInline var queue: EventQueue
        @usableFromInline var handlers: [any EventHandler] = []
        @usableFromInline var stopRequested = false
        @usableFromInline var isRunning = false

        init(queue: EventQueue) {
            self.queue = queue
        }
    }

    /// Owned by this object: allocated in `init`, freed in `deinit`, never handed out.
    @usableFromInline internal let state: UnsafeMutablePointer<State>

    /// Creates an empty simulation at time zero, reserving room for `expectedPending` events.
    public init(expectedPending: Int = 1024) {
        state = UnsafeMutablePointer<State>.allocate(capacity: 1)
        state.initialize(to: State(queue: EventQueue(reservingCapacity: expectedPending)))
    }

    deinit {
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// The current simulated time: the time of the event being handled, or the `end` of the
    /// last completed `run(until:)`. Never decreases.
    @inlinable
    public var now: SimTime { state.pointee.now }

    /// How many events have been delivered to handlers since creation.
    @inlinable
    public var eventsProcessed: Int64 { state.pointee.eventsProcessed }

    /// The number of live (scheduled, not yet run, not cancelled) events.
    @inlinable
    public var pendingCount: Int { state.pointee.queue.count }

    /// Registers a handler and returns its id, to be used as the `target` of events.
    ///
    /// Ids are dense and assigned in registration order, starting at 0.
    public func register(_ handler: EventHandler) -> Int32 {
        precondition(state.pointee.handlers.count < Int(Int32.max), "Simulation: too many handlers")
        state.pointee.handlers.append(handler)
        return Int32(state.pointee.handlers.count - 1)
    }

    /// Schedules an event at an absolute time, which must not be before `now`. O(log n).
    @inlinable
    @discardableResult
    public func schedule(
        at time: SimTime, priority: Int32 = 0, target: Int32, kind: Int32 = 0, payload: Int64 = 0
    ) -> EventHandle {
        precondition(time >= now, "Simulation: cannot schedule at \(time), before now (\(now))")
        precondition(
            target >= 0 && Int(target) < state.pointee.handlers.count, "Simulation: unknown target \(target)")
        return state.pointee.queue.push(time: time, priority: priority, target: target, kind: kind, payload: payload)
    }

    /// Schedules an event `delay` after `now`; `delay` must not be negative. O(log n).
    @inlinable
    @discardableResult
    public func schedule(
        after delay: SimTime, priority: Int32 = 0, target: Int32, kind: Int32 = 0, payload: Int64 = 0
    ) -> EventHandle {
        precondition(delay >= .zero, "Simulation: negative delay \(delay)")
        return schedule(at: now + delay, priority: priority, target: target, kind: kind, payload: payload)
    }

    /// Cancels a pending event. O(1) amortized.
    ///
    /// - Returns: `true` if the event was pending; `false` if it already ran or was cancelled.
    @inlinable
    @discardableResult
    public func cancel(_ handle: EventHandle) -> Bool {
        state.pointee.queue.cancel(handle)
    }

    /// Whether the event named by `handle` is still scheduled (neither run nor cancelled).
    @inlinable
    public func isPending(_ handle: EventHandle) -> Bool {
        state.pointee.queue.contains(handle)
    }

    /// The time of the next pending event, or `nil` if none is pending.
    @inlinable
    public func peekNextTime() -> SimTime? {
        state.pointee.queue.minTime
    }

    /// Runs, in order, every event with `time <= end`, then sets `now = end` unless stopped.
    ///
    /// Events scheduled by handlers during the run are included if they fall at or before `end`.
    /// `end` must not be before `now`; it may be `SimTime.max` to run until the queue is empty.
    /// Not re-entrant: a handler must not call `run`.
    ///
    /// - Returns: `.stopped` if a handler called `stop()`, otherwise `.exhausted` if no event is
    ///   pending, otherwise `.reachedEnd`.
    @discardableResult
    public func run(until end: SimTime) -> RunOutcome {
        precondition(end >= now, "Simulation: cannot run until \(end), before now (\(now))")
        precondition(!state.pointee.isRunning, "Simulation: run(until:) called from inside a run")
        state.pointee.isRunning = true
        state.pointee.stopRequested = false
        defer { state.pointee.isRunning = false }
        while let event = state.pointee.queue.popMin(notAfter: end) {
            state.pointee.now = event.time
            state.pointee.eventsProcessed += 1
            // Copy the handler reference out: no access to `state` spans the call.
            let handler = state.pointee.handlers[Int(event.target)]
            handler.handle(event, in: self)
            if state.pointee.stopRequested {
                state.pointee.stopRequested = false
                return .stopped
            }
        }
        state.pointee.now = end
        return state.pointee.queue.isEmpty ? .exhausted : .reachedEnd
    }

    /// Asks the current `run(until:)` to return after the event being handled.
    ///
    /// Meant to be called from a handler; outside a run it has no effect.
    public func stop() {
        if state.pointee.isRunning { state.pointee.stopRequested = true }
    }
}

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
