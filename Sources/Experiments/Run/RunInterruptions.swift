import Synchronization

/// A model invariant broke under `--check-invariants`; the run stops and reports it.
public struct InvariantViolation: Error, CustomStringConvertible {
    public let cluster: String
    public let violations: [String]
    public var description: String {
        "invariant violated in cluster \(cluster):\n" + violations.map { "  " + $0 }.joined(separator: "\n")
    }
}

/// Bad command-line input that is not a scenario problem (a shard spec, a missing folder):
/// reported with exit code 2 before anything runs.
public struct InputError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A thread-safe "stop soon" flag set by signal handlers and polled by runs between simulated hours
/// (and by sweep preparation between configurations).
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    /// The check at which the flag cancels itself (Int.max: never).
    private let cancelAt: Int
    private let checks = Atomic<Int>(0)

    public init() { cancelAt = .max }

    /// A flag that cancels itself at its `checks`-th look (`isCancelled`), as a signal arriving
    /// at that point would: tests stop a long loop at a chosen point whatever the machine's speed.
    public init(cancellingAtCheck checks: Int) { cancelAt = max(1, checks) }

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public var isCancelled: Bool {
        if cancelAt != .max, checks.wrappingAdd(1, ordering: .relaxed).newValue >= cancelAt { cancel() }
        return flag.load(ordering: .relaxed)
    }
}

/// Thrown when a run stops because its ``CancellationFlag`` was set.
public struct RunCancelled: Error, CustomStringConvertible {
    /// The run's temporary folder, kept with its manifest marked incomplete (nil: not known).
    public var partialFolder: String?
    public init(partialFolder: String? = nil) { self.partialFolder = partialFolder }
    public var description: String { "interrupted" }
}
