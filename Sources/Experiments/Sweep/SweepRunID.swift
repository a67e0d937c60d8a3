/// One run of a sweep: configuration index and replication.
public struct SweepRunID: Hashable, Sendable {
    public var configuration: Int
    public var replication: Int
    public init(configuration: Int, replication: Int) {
        self.configuration = configuration
        self.replication = replication
    }
}
