import Foundation

/// Shared state of a sweep's workers: the next pending run, counts, the first error by run order.
final class SweepTracker: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let skipped: Int
    private let started: Date
    private var next = 0
    private var executedCount = 0
    private var errors: [(Int, Error)] = []

    init(total: Int, skipped: Int, started: Date) {
        self.total = total
        self.skipped = skipped
        self.started = started
    }

    /// The next pending index below `limit`, or nil when none is left or a run failed.
    func take(limit: Int) -> Int? {
        lock.withLock {
            guard errors.isEmpty, next < limit else { return nil }
            defer { next += 1 }
            return next
        }
    }

    /// Counts a completed run; returns the progress.
    func finished() -> SweepProgress {
        lock.withLock {
            executedCount += 1
            return progressLocked
        }
    }

    func fail(_ error: Error, at index: Int) { lock.withLock { errors.append((index, error)) } }

    var executed: Int { lock.withLock { executedCount } }
    var firstError: Error? { lock.withLock { errors.min { $0.0 < $1.0 }?.1 } }
    var progress: SweepProgress { lock.withLock { progressLocked } }

    private var progressLocked: SweepProgress {
        SweepProgress(total: total, skipped: skipped, executed: executedCount, elapsedSeconds: Date().timeIntervalSince(started))
    }
}
