/// Sequential reader of a ``UtilizationTrace`` for lookups at non-decreasing times.
///
/// The simulator samples every VM every `sample_interval` in increasing time; the cursor
/// remembers the last sample index so an irregular CSV trace is read in O(1) amortized instead of
/// a binary search per lookup. Evenly spaced traces are O(1) either way. Going back in time (or
/// wrapping with `repeat`) is allowed and falls back to a binary search.
public struct TraceCursor: Sendable {
    /// The trace being read.
    public let trace: UtilizationTrace
    /// What happens after the trace's last sample.
    public let end: TraceEnd
    private var lastIndex = 0

    public init(trace: UtilizationTrace, end: TraceEnd) {
        self.trace = trace
        self.end = end
    }

    /// The index of the sample in force at time `t`; same result as
    /// ``UtilizationTrace/sampleIndex(atSeconds:end:)``.
    public mutating func sampleIndex(atSeconds t: Double) -> Int {
        guard let local = trace.localSeconds(t, end: end) else {
            lastIndex = trace.sampleCount - 1
            return lastIndex
        }
        lastIndex = trace.index(atLocalSeconds: local, hint: lastIndex)
        return lastIndex
    }

    /// CPU utilization (0–1) in force at time `t`.
    public mutating func cpu(atSeconds t: Double) -> Double {
        trace.cpuSample(at: sampleIndex(atSeconds: t))
    }

    /// CPU and memory utilization in force at time `t` (memory `nil` when the trace has none).
    public mutating func sample(atSeconds t: Double) -> (cpu: Double, memory: Double?) {
        let index = sampleIndex(atSeconds: t)
        return (trace.cpuSample(at: index), trace.memorySample(at: index))
    }
}
