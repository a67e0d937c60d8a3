/// What a trace does after its last sample (`workload: {trace: {at_end: ...}}`).
public enum TraceEnd: String, Sendable, CaseIterable, Codable {
    /// Start again from the first sample: the trace is periodic with period `durationSeconds`.
    case `repeat`
    /// Keep the last sample's value for ever.
    case hold
}
