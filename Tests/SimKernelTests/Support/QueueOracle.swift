// QueueOracle: the obviously-correct reference the EventQueue is compared against.

@testable import SimKernel

/// A priority queue kept as an array sorted by `(time, priority, sequence)`: O(n) per operation,
/// trivially correct. `sequence` counts pushes, exactly as `EventQueue` does.
struct QueueOracle {
    struct Item {
        var event: Event
        var sequence: UInt64
        var handle: EventHandle
    }

    private(set) var items: [Item] = []
    private var nextSequence: UInt64 = 0

    var count: Int { items.count }
    var first: Event? { items.first?.event }

    mutating func push(_ event: Event, handle: EventHandle) {
        let item = Item(event: event, sequence: nextSequence, handle: handle)
        nextSequence += 1
        let index = items.firstIndex { Self.precedes(item, $0) } ?? items.endIndex
        items.insert(item, at: index)
    }

    mutating func popFirst() -> Event? {
        items.isEmpty ? nil : items.removeFirst().event
    }

    func contains(_ handle: EventHandle) -> Bool {
        items.contains { $0.handle == handle }
    }

    /// Removes the item with this handle; `false` if there is none.
    mutating func cancel(_ handle: EventHandle) -> Bool {
        guard let index = items.firstIndex(where: { $0.handle == handle }) else { return false }
        items.remove(at: index)
        return true
    }

    private static func precedes(_ a: Item, _ b: Item) -> Bool {
        (a.event.time, a.event.priority, a.sequence) < (b.event.time, b.event.priority, b.sequence)
    }
}
