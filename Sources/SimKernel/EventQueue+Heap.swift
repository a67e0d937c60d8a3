// The implicit d-ary heap operations behind EventQueue: sift up, sift down, remove root, rebuild.

extension EventQueue {
    /// Children per heap node.
    ///
    /// Performance: 4-ary 11.5 / 8.6, binary 9.1 / 7.0 (8-ary: no better than 4-ary).
    @usableFromInline internal static var arity: Int { 4 }

    /// Whether `a` comes before `b` in the `(time, priority, sequence)` order.
    @inlinable @inline(__always)
    internal static func precedes(_ a: Entry, _ b: Entry) -> Bool {
        // Branch-free lexicographic compare: for integers x, y and d in {0, 1},
        // `x - d < y` is `x < y || (x == y && d == 1)`. `push` rejects `Int64.min`, so
        // `a.time - 1` cannot wrap. Performance: the outcome is a coin toss, so branches
        // mispredict: branch-free 11.5 / 8.4, short-circuit `||`/`&&` 9.9 / 7.6 (but at
        // 100,000 pending, 4.1 vs 4.6: there the cache misses that speculation hides dominate).
        let sequenceLess: Int64 = a.sequence < b.sequence ? 1 : 0
        let tieLess: Int64 = Int64(a.priority) - sequenceLess < Int64(b.priority) ? 1 : 0
        return a.time &- tieLess < b.time
    }

    /// The index of the smallest of the children starting at `first` (at most `arity` of them).
    @inlinable @inline(__always)
    internal static func smallestChild(_ h: UnsafeMutableBufferPointer<Entry>, first: Int, count n: Int) -> Int {
        if arity == 4 && first &+ 3 < n {
            // A tournament of selects (compiled to cmov), not a loop of branches; see `precedes`.
            let left = precedes(h[first &+ 1], h[first]) ? first &+ 1 : first
            let right = precedes(h[first &+ 3], h[first &+ 2]) ? first &+ 3 : first &+ 2
            return precedes(h[right], h[left]) ? right : left
        }
        if arity == 2 && first &+ 1 < n {
            return precedes(h[first &+ 1], h[first]) ? first &+ 1 : first
        }
        var best = first
        var child = first &+ 1
        let end = Swift.min(first &+ arity, n)
        while child < end {
            if precedes(h[child], h[best]) { best = child }
            child &+= 1
        }
        return best
    }

    /// Moves `entry`, logically at `index`, up toward the root until its parent precedes it.
    @inlinable
    internal mutating func siftUp(_ entry: Entry, from index: Int) {
        heap.withUnsafeMutableBufferPointer { h in
            var i = index
            while i > 0 {
                let parent = (i - 1) / Self.arity
                guard Self.precedes(entry, h[parent]) else { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = entry
        }
    }

    /// Moves `entry`, logically at `index`, down until it precedes all its children.
    @inlinable
    internal mutating func siftDown(_ entry: Entry, from index: Int) {
        heap.withUnsafeMutableBufferPointer { h in
            let n = h.count
            var i = index
            while true {
                let first = i * Self.arity + 1
                guard first < n else { break }
                let best = Self.smallestChild(h, first: first, count: n)
                guard Self.precedes(h[best], entry) else { break }
                h[i] = h[best]
                i = best
            }
            h[i] = entry
        }
    }

    /// Removes and returns the root entry, live or dead. The heap must not be empty.
    ///
    /// Bottom-up (Floyd): the hole left by the root first descends along the smallest children
    /// to a leaf, comparing children only, then the former last entry sifts up from there; it
    /// usually belongs near the bottom, so this saves about one comparison per level.
    @inlinable
    internal mutating func removeRoot() -> Entry {
        let last = heap.removeLast()
        guard !heap.isEmpty else { return last }
        return heap.withUnsafeMutableBufferPointer { h in
            let root = h[0]
            let n = h.count
            var i = 0
            while true {
                let first = i &* Self.arity &+ 1
                guard first < n else { break }
                let best = Self.smallestChild(h, first: first, count: n)
                h[i] = h[best]
                i = best
            }
            while i > 0 {
                let parent = (i - 1) / Self.arity
                guard Self.precedes(last, h[parent]) else { break }
                h[i] = h[parent]
                i = parent
            }
            h[i] = last
            return root
        }
    }

    /// Removes every dead entry and rebuilds the heap bottom-up in O(n).
    @usableFromInline
    internal mutating func compact() {
        let records = slots
        heap.removeAll { records[Int($0.slot)].sequence != $0.sequence }
        deadCount = 0
        guard heap.count > 1 else { return }
        var i = (heap.count - 2) / Self.arity
        while i >= 0 {
            siftDown(heap[i], from: i)
            i -= 1
        }
    }
}
