// KernelBenchmark: the classic "hold model" throughput test of the event queue and run loop.

/// Throughput benchmarks of the kernel, for `drsim-bench` and for tuning the queue.
public enum KernelBenchmark {
    /// Runs the classic hold model and returns its throughput and an order checksum.
    ///
    /// `pending` events are scheduled at random times; then each event, when handled, schedules
    /// one more at `now + delay` (delay uniform in 0...1,999 µs, so ties happen), keeping the
    /// queue size constant, until `events` events have been handled. Only that loop is timed.
    /// The checksum folds in every handled event's time and payload in order, so it depends only
    /// on the kernel's event order and on `seed`, not on the queue's internals.
    ///
    /// Build in release mode for meaningful figures (DESIGN.md §8: ≥ 10 M events/s).
    public static func holdModel(pending: Int, events: Int, seed: UInt64) -> (eventsPerSecond: Double, checksum: UInt64) {
        precondition(pending > 0 && events > 0, "KernelBenchmark: pending and events must be positive")
        let simulation = Simulation(expectedPending: pending)
        let handler = HoldHandler(remaining: events, seed: seed)
        let target = simulation.register(handler)
        for _ in 0..<pending {
            handler.scheduleNext(in: simulation, target: target)
        }
        let clock = ContinuousClock()
        let start = clock.now
        simulation.run(until: .max)
        let elapsed = clock.now - start
        let components = elapsed.components
        let seconds = Double(components.seconds) + Double(components.attoseconds) * 1e-18
        return (Double(events) / Swift.max(seconds, 1e-9), handler.checksum)
    }
}

/// The hold model's only handler: counts, checksums, and reschedules.
private final class HoldHandler: EventHandler {
    var remaining: Int
    var random: SplitMix64
    var checksum: UInt64 = 0
    var nextPayload: Int64 = 0

    init(remaining: Int, seed: UInt64) {
        self.remaining = remaining
        self.random = SplitMix64(seed: seed)
    }

    func scheduleNext(in simulation: Simulation, target: Int32) {
        let delay = SimTime(microseconds: Int64(random.next(below: 2_000)))
        simulation.schedule(after: delay, target: target, payload: nextPayload)
        nextPayload += 1
    }

    func handle(_ event: Event, in simulation: Simulation) {
        checksum = (checksum &* 0x100_0000_01B3) ^ UInt64(bitPattern: event.time.microseconds)
        checksum = (checksum &* 0x100_0000_01B3) ^ UInt64(bitPattern: event.payload)
        remaining -= 1
        if remaining == 0 {
            simulation.stop()
        } else {
            scheduleNext(in: simulation, target: event.target)
        }
    }
}
