import Synchronization

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
