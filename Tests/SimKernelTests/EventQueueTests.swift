import Testing
@testable import SimKernel

@Suite struct EventQueueTests {
    @Test func popsInTimePrioritySequenceOrder() {
        var queue = EventQueue()
        queue.push(time: .microseconds(20), payload: 1)
        queue.push(time: .microseconds(10), priority: 5, payload: 2)
        queue.push(time: .microseconds(10), priority: -3, payload: 3)
        queue.push(time: .microseconds(10), priority: 5, payload: 4)
        queue.push(time: .microseconds(10), priority: -3, payload: 5)
        queue.push(time: .zero, priority: 9, payload: 6)
        var order: [Int64] = []
        while let event = queue.popMin() { order.append(event.payload) }
        #expect(order == [6, 3, 5, 2, 4, 1])
        let popped = queue.popMin()
        #expect(queue.isEmpty && popped == nil && queue.peekMin() == nil && queue.minTime == nil)
    }

    @Test func popCarriesEveryField() {
        var queue = EventQueue(reservingCapacity: 4)
        let handle = queue.push(time: .seconds(3), priority: -7, target: 2, kind: 11, payload: -99)
        #expect(queue.contains(handle))
        let expected = Event(time: .seconds(3), priority: -7, target: 2, kind: 11, payload: -99)
        #expect(queue.peekMin() == expected)
        let popped = queue.popMin()
        #expect(popped == expected)
        #expect(!queue.contains(handle))
    }

    @Test func cancelIsExactAndStampsAreNeverReused() {
        var queue = EventQueue()
        let first = queue.push(time: .microseconds(5), payload: 1)
        let cancelled = queue.cancel(first)
        let cancelledTwice = queue.cancel(first)
        #expect(cancelled)
        #expect(!cancelledTwice, "second cancel of the same handle")
        let second = queue.push(time: .microseconds(5), payload: 2)
        #expect(second.slot == first.slot, "the vacated slot is reused")
        let staleCancelled = queue.cancel(first)
        #expect(!staleCancelled, "a stale handle must not cancel the slot's new event")
        #expect(queue.contains(second))
        let popped = queue.popMin()
        #expect(popped?.payload == 2)
        let cancelledAfterPop = queue.cancel(second)
        let cancelledInvalid = queue.cancel(.invalid)
        #expect(!cancelledAfterPop, "cancel after pop")
        #expect(!cancelledInvalid)
        #expect(!queue.contains(.invalid))
    }

    @Test func cancellingTheRootExposesTheNextLiveEvent() {
        var queue = EventQueue()
        let a = queue.push(time: .microseconds(1), payload: 1)
        let b = queue.push(time: .microseconds(2), payload: 2)
        queue.push(time: .microseconds(3), payload: 3)
        queue.cancel(b)
        queue.cancel(a)
        #expect(queue.minTime == .microseconds(3))
        #expect(queue.count == 1)
        #expect(queue.storedEntryCount == 1, "dead entries at the root are dropped at once")
        #expect(queue.invariantViolations() == [])
    }

    @Test func compactionBoundsDeadEntries() {
        var queue = EventQueue()
        var handles: [EventHandle] = []
        for index in 0..<1_000 {
            handles.append(queue.push(time: .microseconds(Int64(1_000 - index)), payload: Int64(index)))
        }
        // Cancel all but every tenth event, never the current root (the latest pushed).
        var cancelledCount = 0
        for (index, handle) in handles.enumerated() where index % 10 != 9 {
            if queue.cancel(handle) { cancelledCount += 1 }
        }
        #expect(cancelledCount == 900)
        #expect(queue.count == 100)
        #expect(queue.storedEntryCount <= 2 * 100 + EventQueue.compactionMinimumDead)
        #expect(queue.invariantViolations() == [])
        var payloads: [Int64] = []
        while let event = queue.popMin() { payloads.append(event.payload) }
        #expect(payloads == Array(stride(from: 999, through: 9, by: -10)))
    }

    @Test func invariantCheckDetectsABrokenHeap() {
        var queue = EventQueue()
        for time in [5, 1, 4, 2, 3] as [Int64] { queue.push(time: .microseconds(time)) }
        #expect(queue.invariantViolations() == [])
        queue.heap.swapAt(0, queue.heap.count - 1)
        #expect(!queue.invariantViolations().isEmpty)
    }

    /// Random interleavings of push, pop, cancel and queries against a sorted-array oracle.
    @Test(arguments: 0..<300)
    func matchesSortedArrayOracle(seed: UInt64) {
        var random = SplitMix64(seed: seed &* 0x9E37_79B9 &+ 1)
        // Vary the regime per seed: narrow time ranges force ties; some seeds cancel a lot.
        let timeRange = [4, 60, 100_000][Int(random.next(below: 3))] as UInt64
        let priorityRange = [1, 3][Int(random.next(below: 2))] as UInt64
        let cancelPercent = [10, 50, 90][Int(random.next(below: 3))] as UInt64
        let operations = 200 + Int(random.next(below: 400))
        var queue = EventQueue(reservingCapacity: Int(random.next(below: 64)))
        var oracle = QueueOracle()
        var handles: [EventHandle] = [.invalid]
        let context = "seed \(seed)"

        for step in 0..<operations {
            // First half grows the queue, second half shrinks it (cancel-heavy seeds compact).
            let pushPercent: UInt64 = step < operations / 2 ? 60 : 25
            let roll = random.next(below: 100)
            if roll < pushPercent {
                let event = Event(
                    time: .microseconds(Int64(random.next(below: timeRange))),
                    priority: Int32(random.next(below: priorityRange)) - 1,
                    target: Int32(random.next(below: 8)), kind: Int32(step % 5), payload: Int64(step))
                let handle = queue.push(
                    time: event.time, priority: event.priority, target: event.target,
                    kind: event.kind, payload: event.payload)
                oracle.push(event, handle: handle)
                handles.append(handle)
            } else if roll < pushPercent + cancelPercent * (100 - pushPercent) / 100 {
                // Half the time a pending event; otherwise any handle ever issued (or invalid).
                let handle = random.next(below: 2) == 0 && oracle.count > 0
                    ? oracle.items[Int(random.next(below: UInt64(oracle.count)))].handle
                    : handles[Int(random.next(below: UInt64(handles.count)))]
                let expected = oracle.cancel(handle)
                let actual = queue.cancel(handle)
                #expect(actual == expected, "cancel at step \(step), \(context)")
            } else {
                let actual = queue.popMin()
                #expect(actual == oracle.popFirst(), "pop at step \(step), \(context)")
            }
            let probe = handles[Int(random.next(below: UInt64(handles.count)))]
            #expect(queue.contains(probe) == oracle.contains(probe), "contains at step \(step), \(context)")
            #expect(queue.count == oracle.count, "count at step \(step), \(context)")
            #expect(queue.peekMin() == oracle.first, "peek at step \(step), \(context)")
            if step % 16 == 0 {
                #expect(queue.invariantViolations() == [], "invariants at step \(step), \(context)")
            }
        }
        #expect(queue.invariantViolations() == [], "invariants after \(operations) steps, \(context)")
        while let expected = oracle.popFirst() {
            let actual = queue.popMin()
            #expect(actual == expected, "drain, \(context)")
        }
        #expect(queue.isEmpty, "drained, \(context)")
    }
}
