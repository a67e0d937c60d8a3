import SimKernel

/// Something the scenario's `events:` list makes happen at a given time in one cluster.
public enum ClusterAction: Sendable {
    /// A manual vMotion of VM `vm` to host `to` (reason `manual`).
    case migrate(vm: Int32, to: Int32)
}

/// A ``ClusterAction`` at a simulated time.
public struct ScheduledAction: Sendable {
    public var at: SimTime
    public var action: ClusterAction
    public init(at: SimTime, action: ClusterAction) { self.at = at; self.action = action }
}
