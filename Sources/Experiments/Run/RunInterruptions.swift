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

/// A thread-safe "stop soon" flag set by signal handlers and polled by runs between simulated hours.
public final class CancellationFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    public init() {}
    public func cancel() { flag.store(true, ordering: .relaxed) }
    public var isCancelled: Bool { flag.load(ordering: .relaxed) }
}

/// Thrown when a run stops because its ``CancellationFlag`` was set.
public struct RunCancelled: Error, CustomStringConvertible {
    /// The run's temporary folder, kept with its manifest marked incomplete (nil: not known).
    public var partialFolder: String?
    public init(partialFolder: String? = nil) { self.partialFolder = partialFolder }
    public var description: String { "interrupted" }
}
