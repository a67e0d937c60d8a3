// ScriptedHandler: records every event it receives and runs per-payload scripted actions.

import SimKernel

/// A handler for scripted kernel scenarios: logs each event with the clock reading, and runs the
/// action registered for the event's payload (if any) so tests can schedule, cancel or stop
/// from inside a handler.
final class ScriptedHandler: EventHandler {
    /// One delivered event and the value of `now` when it was delivered.
    struct Record: Equatable, CustomStringConvertible {
        var nowUS: Int64
        var event: Event
        var description: String { "#\(event.payload)@\(nowUS)" }
    }

    private(set) var log: [Record] = []
    var actions: [Int64: (Event, Simulation) -> Void] = [:]

    /// The payloads in delivery order, the usual thing to assert on.
    var payloads: [Int64] { log.map(\.event.payload) }

    func handle(_ event: Event, in simulation: Simulation) {
        log.append(Record(nowUS: simulation.now.microseconds, event: event))
        actions[event.payload]?(event, simulation)
    }
}
