// Invariant checks for Simulation, used by the tests and by `--check-invariants` runs.

extension Simulation {
    /// Describes every broken invariant of the simulation and its queue; empty when sound. O(n).
    ///
    /// Beyond the queue's structure: no pending event lies before `now` (the clock can never be
    /// made to go back), and every pending event targets a registered handler.
    public func invariantViolations() -> [String] {
        let queue = state.pointee.queue
        var problems = queue.invariantViolations()
        if let next = queue.minTime, next < now {
            problems.append("next event at \(next) is before now (\(now))")
        }
        let handlerCount = state.pointee.handlers.count
        for entry in queue.heap where queue.isLive(entry) {
            let target = queue.slots[Int(entry.slot)].target
            if target < 0 || Int(target) >= handlerCount {
                problems.append("pending event targets unknown handler \(target)")
            }
        }
        return problems
    }
}
