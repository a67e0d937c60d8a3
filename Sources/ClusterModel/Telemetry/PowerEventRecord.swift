import SimKernel

/// Why a host changed power state (`power_events.csv` `reason`).
public enum PowerEventReason: String, Sendable {
    case dpm, maintenance, failure, repair, manual
}

/// One row of `power_events.csv`.
public struct PowerEventRecord: Sendable {
    public var time: SimTime
    public var host: String
    public var from: HostPowerState
    public var to: HostPowerState
    public var reason: PowerEventReason

    public init(time: SimTime, host: String, from: HostPowerState, to: HostPowerState, reason: PowerEventReason) {
        self.time = time; self.host = host; self.from = from; self.to = to; self.reason = reason
    }
}
