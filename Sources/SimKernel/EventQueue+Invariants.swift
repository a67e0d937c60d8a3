// Structural invariant checks for EventQueue, used by the tests and by `--check-invariants` runs.

extension EventQueue {
    /// Describes every broken structural invariant; empty when the queue is sound. O(n).
    ///
    /// Checks the heap property under `(time, priority, sequence)`, that the root is live, the
    /// live and dead counts, the slot table's stamps, and the free list of vacant slots.
    public func invariantViolations() -> [String] {
        var problems: [String] = []
        for index in heap.indices.dropFirst() {
            let parent = (index - 1) / Self.arity
            if Self.precedes(heap[index], heap[parent]) {
                problems.append("heap order: entry \(index) precedes its parent \(parent)")
            }
        }
        if let root = heap.first, !isLive(root) {
            problems.append("root entry is dead (cancelled)")
        }
        var liveEntries = 0
        for entry in heap {
            if entry.slot < 0 || Int(entry.slot) >= slots.count {
                problems.append("entry with sequence \(entry.sequence) has slot \(entry.slot) out of range")
                continue
            }
            if entry.sequence >= nextSequence {
                problems.append("entry sequence \(entry.sequence) not below nextSequence \(nextSequence)")
            }
            if isLive(entry) { liveEntries += 1 }
        }
        if liveEntries != liveCount {
            problems.append("live entries \(liveEntries) != liveCount \(liveCount)")
        }
        if heap.count - liveEntries != deadCount {
            problems.append("dead entries \(heap.count - liveEntries) != deadCount \(deadCount)")
        }
        let occupied = slots.filter { $0.sequence != Self.vacant }.count
        if occupied != liveCount {
            problems.append("occupied slots \(occupied) != liveCount \(liveCount)")
        }
        problems += freeListViolations(expectedLength: slots.count - occupied)
        return problems
    }

    /// Checks that the free list visits every vacant slot exactly once and nothing else.
    private func freeListViolations(expectedLength: Int) -> [String] {
        var seen = [Bool](repeating: false, count: slots.count)
        var length = 0
        var slot = freeHead
        while slot >= 0 {
            guard Int(slot) < slots.count, !seen[Int(slot)] else {
                return ["free list revisits or leaves the table at slot \(slot)"]
            }
            seen[Int(slot)] = true
            if slots[Int(slot)].sequence != Self.vacant {
                return ["free list contains occupied slot \(slot)"]
            }
            length += 1
            slot = Int32(truncatingIfNeeded: slots[Int(slot)].payload)
        }
        return length == expectedLength
            ? [] : ["free list has \(length) slots, \(expectedLength) are vacant"]
    }
}
