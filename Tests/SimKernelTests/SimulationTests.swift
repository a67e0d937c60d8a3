import Testing
@testable import SimKernel

/// Scripted kernel scenarios asserting on the event log (DESIGN.md §2 contract).
@Suite struct SimulationTests {
    /// A simulation with one scripted handler registered as target 0.
    private func makeSimulation() -> (Simulation, ScriptedHandler, Int32) {
        let simulation = Simulation(expectedPending: 16)
        let handler = ScriptedHandler()
        let target = simulation.register(handler)
        return (simulation, handler, target)
    }

    @Test func registerAssignsDenseIds() {
        let simulation = Simulation()
        #expect(simulation.register(ScriptedHandler()) == 0)
        #expect(simulation.register(ScriptedHandler()) == 1)
        #expect(simulation.register(ScriptedHandler()) == 2)
    }

    @Test func sameTimeRunsLowerPriorityFirst() {
        let (simulation, log, target) = makeSimulation()
        simulation.schedule(at: .seconds(1), priority: 5, target: target, payload: 1)
        simulation.schedule(at: .seconds(1), priority: -1, target: target, payload: 2)
        simulation.schedule(at: .seconds(1), priority: 0, target: target, payload: 3)
        simulation.schedule(at: .milliseconds(999), priority: 100, target: target, payload: 4)
        simulation.run(until: .seconds(2))
        #expect(log.payloads == [4, 2, 3, 1])
    }

    @Test func sameTimeAndPriorityRunFirstInFirstOut() {
        let (simulation, log, target) = makeSimulation()
        for payload in 1...6 as ClosedRange<Int64> {
            simulation.schedule(at: .microseconds(10), priority: payload % 2 == 0 ? 1 : 0, target: target, payload: payload)
        }
        simulation.run(until: .microseconds(10))
        #expect(log.payloads == [1, 3, 5, 2, 4, 6])
    }

    @Test func handlerCanScheduleAtNow() {
        let (simulation, log, target) = makeSimulation()
        simulation.schedule(at: .microseconds(10), target: target, payload: 1)
        simulation.schedule(at: .microseconds(10), target: target, payload: 2)
        simulation.schedule(at: .microseconds(11), priority: -100, target: target, payload: 5)
        log.actions[1] = { _, sim in
            sim.schedule(at: sim.now, target: target, payload: 3)  // after the queued #2
            sim.schedule(after: .zero, priority: -1, target: target, payload: 4)  // before #2
        }
        simulation.run(until: .max)
        #expect(log.payloads == [1, 4, 2, 3, 5])
        #expect(log.log.map(\.nowUS) == [10, 10, 10, 10, 11])
    }

    @Test func cancelBeforeFireRemovesTheEvent() {
        let (simulation, log, target) = makeSimulation()
        simulation.schedule(at: .microseconds(1), target: target, payload: 1)
        let doomed = simulation.schedule(at: .microseconds(2), target: target, payload: 2)
        simulation.schedule(at: .microseconds(3), target: target, payload: 3)
        #expect(simulation.pendingCount == 3)
        #expect(simulation.cancel(doomed))
        #expect(!simulation.isPending(doomed))
        #expect(simulation.pendingCount == 2)
        simulation.run(until: .max)
        #expect(log.payloads == [1, 3])
        #expect(simulation.eventsProcessed == 2)
    }

    @Test func handlerCanCancelALaterEvent() {
        let (simulation, log, target) = makeSimulation()
        simulation.schedule(at: .microseconds(1), target: target, payload: 1)
        let later = simulation.schedule(at: .microseconds(1), target: target, payload: 2)
        log.actions[1] = { _, sim in #expect(sim.cancel(later)) }
        simulation.run(until: .max)
        #expect(log.payloads == [1])
    }

    @Test func cancelOfAFiredEventReturnsFalse() {
        let (simulation, _, target) = makeSimulation()
        let handle = simulation.schedule(at: .microseconds(1), target: target)
        #expect(simulation.isPending(handle))
        simulation.run(until: .microseconds(1))
        #expect(!simulation.isPending(handle))
        #expect(!simulation.cancel(handle))
        #expect(!simulation.cancel(.invalid))
    }

    @Test func staleHandleDoesNotCancelTheSlotsNewEvent() {
        let (simulation, log, target) = makeSimulation()
        let cancelled = simulation.schedule(at: .microseconds(5), target: target, payload: 1)
        #expect(simulation.cancel(cancelled))
        let reuser = simulation.schedule(at: .microseconds(6), target: target, payload: 2)
        #expect(reuser.slot == cancelled.slot)
        #expect(!simulation.cancel(cancelled))
        let fired = simulation.schedule(at: .microseconds(1), target: target, payload: 3)
        simulation.run(until: .microseconds(1))
        let reuserOfFired = simulation.schedule(at: .microseconds(7), target: target, payload: 4)
        #expect(reuserOfFired.slot == fired.slot)
        #expect(!simulation.cancel(fired))
        #expect(simulation.isPending(reuser) && simulation.isPending(reuserOfFired))
        simulation.run(until: .max)
        #expect(log.payloads == [3, 2, 4])
    }

    @Test func runUntilIncludesEventsExactlyAtEnd() {
        let (simulation, log, target) = makeSimulation()
        for (payload, time) in [(1, 5), (2, 10), (3, 15)] as [(Int64, Int64)] {
            simulation.schedule(at: .microseconds(time), target: target, payload: payload)
        }
        log.actions[2] = { _, sim in sim.schedule(at: sim.now, target: target, payload: 4) }
        #expect(simulation.run(until: .microseconds(10)) == .reachedEnd)
        #expect(log.payloads == [1, 2, 4])
        #expect(simulation.now == .microseconds(10))
        #expect(simulation.pendingCount == 1)
        #expect(simulation.peekNextTime() == .microseconds(15))
        #expect(simulation.run(until: .microseconds(12)) == .reachedEnd)
        #expect(simulation.now == .microseconds(12))
        #expect(simulation.run(until: .microseconds(20)) == .exhausted)
        #expect(log.payloads == [1, 2, 4, 3])
        #expect(simulation.now == .microseconds(20), "now advances to end even when exhausted")
        #expect(simulation.peekNextTime() == nil)
        #expect(simulation.run(until: .microseconds(20)) == .exhausted)
    }

    @Test func stopReturnsAfterTheCurrentEvent() {
        let (simulation, log, target) = makeSimulation()
        simulation.schedule(at: .microseconds(5), target: target, payload: 1)
        simulation.schedule(at: .microseconds(5), target: target, payload: 2)
        simulation.schedule(at: .microseconds(8), target: target, payload: 3)
        log.actions[1] = { _, sim in sim.stop() }
        #expect(simulation.run(until: .microseconds(100)) == .stopped)
        #expect(log.payloads == [1])
        #expect(simulation.now == .microseconds(5), "a stopped run does not advance to end")
        #expect(simulation.pendingCount == 2)
        #expect(simulation.run(until: .microseconds(100)) == .exhausted)
        #expect(log.payloads == [1, 2, 3])
        #expect(simulation.now == .microseconds(100))
    }

    @Test func stopOutsideARunHasNoEffect() {
        let (simulation, log, target) = makeSimulation()
        simulation.schedule(at: .microseconds(5), target: target, payload: 1)
        simulation.stop()
        #expect(simulation.run(until: .microseconds(10)) == .exhausted)
        #expect(log.payloads == [1])
    }

    @Test func eventsReachTheirTargetHandler() {
        let simulation = Simulation()
        let first = ScriptedHandler()
        let second = ScriptedHandler()
        let firstID = simulation.register(first)
        let secondID = simulation.register(second)
        simulation.schedule(at: .microseconds(2), target: secondID, kind: 7, payload: 1)
        simulation.schedule(at: .microseconds(1), target: firstID, kind: 3, payload: 2)
        simulation.run(until: .max)
        #expect(first.log.map(\.event) == [Event(time: .microseconds(1), target: firstID, kind: 3, payload: 2)])
        #expect(second.log.map(\.event) == [Event(time: .microseconds(2), target: secondID, kind: 7, payload: 1)])
    }

    /// Handlers reschedule themselves with random delays (zero included) and cancel at random;
    /// the clock must never go back and every event must be delivered at its own time.
    @Test(arguments: 0..<20)
    func clockIsMonotonic(seed: UInt64) {
        let (simulation, log, target) = makeSimulation()
        var random = SplitMix64(seed: seed)
        var handles: [EventHandle] = []
        for payload in 0..<50 as Range<Int64> {
            handles.append(simulation.schedule(at: .microseconds(Int64(random.next(below: 100))), target: target, payload: payload))
            log.actions[payload] = { event, sim in
                var handlers = handles
                if random.next(below: 4) == 0, !handlers.isEmpty {
                    sim.cancel(handlers[Int(random.next(below: UInt64(handlers.count)))])
                }
                if sim.eventsProcessed < 2_000 {
                    let delay = SimTime.microseconds(Int64(random.next(below: 30)))
                    let priority = Int32(random.next(below: 3))
                    handlers.append(sim.schedule(after: delay, priority: priority, target: target, payload: event.payload))
                }
                handles = handlers
            }
        }
        var end = SimTime.zero
        while simulation.pendingCount > 0 {
            end += .microseconds(Int64(random.next(below: 200)))
            simulation.run(until: end)
            #expect(simulation.now == end, "seed \(seed)")
            #expect(simulation.invariantViolations() == [], "seed \(seed)")
        }
        let times = log.log.map(\.nowUS)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }, "seed \(seed)")
        #expect(log.log.allSatisfy { $0.nowUS == $0.event.time.microseconds }, "seed \(seed)")
        #expect(Int64(log.log.count) == simulation.eventsProcessed, "seed \(seed)")
    }

    @Test func simulationsAreIndependent() {
        let (first, firstLog, firstTarget) = makeSimulation()
        let (second, secondLog, secondTarget) = makeSimulation()
        first.schedule(at: .microseconds(3), target: firstTarget, payload: 1)
        second.schedule(at: .microseconds(1), target: secondTarget, payload: 2)
        first.run(until: .microseconds(10))
        #expect(second.now == .zero && second.pendingCount == 1 && second.eventsProcessed == 0)
        second.run(until: .microseconds(4))
        #expect(firstLog.payloads == [1] && secondLog.payloads == [2])
        #expect(first.now == .microseconds(10) && second.now == .microseconds(4))
    }

    @Test func schedulingBeforeNowIsAProgrammerError() async {
        await #expect(processExitsWith: .failure) {
            let simulation = Simulation()
            let target = simulation.register(ScriptedHandler())
            simulation.run(until: .seconds(1))
            simulation.schedule(at: .milliseconds(999), target: target)
        }
    }

    @Test func schedulingToAnUnknownTargetIsAProgrammerError() async {
        await #expect(processExitsWith: .failure) {
            let simulation = Simulation()
            simulation.schedule(at: .seconds(1), target: 0)
        }
    }
}
