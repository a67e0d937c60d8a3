/// A per-VM CPU (and optional memory) utilization series with step-hold lookup.
///
/// Values are fractions 0–1 of the VM's capacity. A sample holds from its own time until the next
/// sample's time (a step function, no interpolation); before the first sample the first value
/// holds. The trace's own sample interval need not equal the scenario's `sample_interval`: a
/// lookup at any time returns the sample in force at that time.
///
/// Storage is compact, because a fleet replays thousands of traces: PlanetLab samples stay as
/// `UInt8` percents (one day for 1,000 VMs is ~290 KB), CSV samples as `Float` fractions, and an
/// evenly spaced time axis is stored as (start, interval) instead of one time per sample, which
/// also makes a lookup O(1). Irregular CSV times are kept as `[Double]` and searched in
/// O(log n) (or O(1) amortized with a ``TraceCursor``).
public struct UtilizationTrace: Sendable, Equatable {
    /// CPU samples: integer percents (PlanetLab) or fractions (CSV).
    enum Samples: Sendable, Equatable {
        case percent([UInt8])
        case fraction([Float])
    }

    /// When each sample starts.
    enum TimeAxis: Sendable, Equatable {
        /// Sample `i` starts at `startSeconds + i × intervalSeconds`.
        case uniform(startSeconds: Double, intervalSeconds: Double)
        /// Sample `i` starts at `times[i]` (strictly increasing, ≥ 0).
        case explicit([Double])
    }

    let cpuSamples: Samples
    let memorySamples: [Float]?
    let axis: TimeAxis

    /// The length of one period of the trace: the last sample holds for one more interval (the
    /// gap before it). `repeat` wraps at this time and `hold` keeps the last value from it on.
    /// A one-sample CSV trace is a constant and its duration is `.infinity`.
    public let durationSeconds: Double

    /// A trace of integer CPU percents (0–100) at a fixed interval, starting at t = 0
    /// (the PlanetLab layout). Preconditions: at least one sample, every value ≤ 100, interval > 0.
    public init(cpuPercent: [UInt8], intervalSeconds: Double) {
        precondition(!cpuPercent.isEmpty, "a trace needs at least one sample")
        precondition(intervalSeconds > 0 && intervalSeconds.isFinite, "interval must be positive")
        precondition(cpuPercent.allSatisfy { $0 <= 100 }, "percent values must be 0...100")
        cpuSamples = .percent(cpuPercent)
        memorySamples = nil
        axis = .uniform(startSeconds: 0, intervalSeconds: intervalSeconds)
        durationSeconds = Double(cpuPercent.count) * intervalSeconds
    }

    /// A trace of fractions at the given sample start times. Evenly spaced times are detected
    /// and stored as (start, interval). Preconditions (readers check them and throw
    /// ``TraceError`` first): at least one sample, times finite, ≥ 0 and strictly increasing,
    /// `cpu` (and `memory`, if given) of the same length as `timesSeconds`, values in 0...1.
    public init(timesSeconds: [Double], cpu: [Float], memory: [Float]? = nil) {
        precondition(!timesSeconds.isEmpty, "a trace needs at least one sample")
        precondition(cpu.count == timesSeconds.count, "one CPU value per time")
        precondition(memory == nil || memory?.count == timesSeconds.count, "one memory value per time")
        precondition(timesSeconds[0] >= 0 && timesSeconds.allSatisfy { $0.isFinite }, "times must be finite and ≥ 0")
        precondition(zip(timesSeconds, timesSeconds.dropFirst()).allSatisfy { $0 < $1 }, "times must increase")
        precondition(cpu.allSatisfy { $0 >= 0 && $0 <= 1 }, "CPU values must be 0...1")
        precondition(memory?.allSatisfy { $0 >= 0 && $0 <= 1 } ?? true, "memory values must be 0...1")
        cpuSamples = .fraction(cpu)
        memorySamples = memory
        let count = timesSeconds.count
        if count == 1 {
            axis = .explicit(timesSeconds)
            durationSeconds = .infinity
        } else if let interval = Self.uniformInterval(timesSeconds) {
            axis = .uniform(startSeconds: timesSeconds[0], intervalSeconds: interval)
            durationSeconds = timesSeconds[0] + Double(count) * interval
        } else {
            axis = .explicit(timesSeconds)
            durationSeconds = 2 * timesSeconds[count - 1] - timesSeconds[count - 2]
        }
    }

    /// The number of samples.
    public var sampleCount: Int {
        switch cpuSamples {
        case .percent(let values): values.count
        case .fraction(let values): values.count
        }
    }

    /// The sample interval when samples are evenly spaced, else `nil`.
    public var intervalSeconds: Double? {
        if case let .uniform(_, interval) = axis { return interval }
        return nil
    }

    /// The time of the first sample (the first value also holds before it).
    public var startSeconds: Double {
        switch axis {
        case let .uniform(start, _): start
        case .explicit(let times): times[0]
        }
    }

    /// Whether the trace carries memory utilization.
    public var hasMemory: Bool { memorySamples != nil }

    /// The start time of sample `index` (0 ≤ index < sampleCount).
    public func sampleTime(at index: Int) -> Double {
        switch axis {
        case let .uniform(start, interval): start + Double(index) * interval
        case .explicit(let times): times[index]
        }
    }

    /// CPU utilization (0–1) of sample `index`.
    @inline(__always)
    public func cpuSample(at index: Int) -> Double {
        switch cpuSamples {
        case .percent(let values): Double(values[index]) / 100
        case .fraction(let values): Double(values[index])
        }
    }

    /// Memory utilization (0–1) of sample `index`, or `nil` when the trace has no memory column.
    @inline(__always)
    public func memorySample(at index: Int) -> Double? {
        memorySamples.map { Double($0[index]) }
    }

    /// The index of the sample in force at time `t` (seconds from the start of the run).
    /// Negative times (and NaN) read the first sample. O(1) for evenly spaced samples, else O(log n).
    public func sampleIndex(atSeconds t: Double, end: TraceEnd) -> Int {
        guard let local = localSeconds(t, end: end) else { return sampleCount - 1 }
        return index(atLocalSeconds: local, hint: 0)
    }

    /// CPU utilization (0–1) in force at time `t`.
    public func cpu(atSeconds t: Double, end: TraceEnd) -> Double {
        cpuSample(at: sampleIndex(atSeconds: t, end: end))
    }

    /// Memory utilization (0–1) in force at time `t`, or `nil` when the trace has none.
    public func memory(atSeconds t: Double, end: TraceEnd) -> Double? {
        guard memorySamples != nil else { return nil }
        return memorySample(at: sampleIndex(atSeconds: t, end: end))
    }

    /// The time-weighted mean CPU utilization over one period (`[0, durationSeconds)`);
    /// for a constant one-sample trace, its value.
    public var meanCPU: Double {
        let count = sampleCount
        guard durationSeconds.isFinite, count > 1 else { return cpuSample(at: 0) }
        var sum = 0.0
        for index in 0..<count {
            let from = index == 0 ? 0 : sampleTime(at: index)
            let to = index == count - 1 ? durationSeconds : sampleTime(at: index + 1)
            sum += cpuSample(at: index) * (to - from)
        }
        return sum / durationSeconds
    }

    /// A cursor for reading this trace at increasing times (the simulator's sampling loop).
    public func cursor(end: TraceEnd) -> TraceCursor {
        TraceCursor(trace: self, end: end)
    }

    /// The time within one period, or `nil` when `hold` has passed the end (read the last sample).
    @inline(__always)
    func localSeconds(_ t: Double, end: TraceEnd) -> Double? {
        guard t > 0 else { return 0 }
        guard t >= durationSeconds else { return t }
        switch end {
        case .hold: return nil
        case .repeat: return t.truncatingRemainder(dividingBy: durationSeconds)
        }
    }

    /// The last sample starting at or before `t` (0 if `t` is before the first sample);
    /// for explicit times, scans forward from `hint` for a few steps, then binary-searches.
    @inline(__always)
    func index(atLocalSeconds t: Double, hint: Int) -> Int {
        switch axis {
        case let .uniform(start, interval):
            guard t >= start else { return 0 }
            return min(sampleCount - 1, Int(((t - start) / interval).rounded(.down)))
        case .explicit(let times):
            return Self.lastIndex(notAfter: t, in: times, hint: hint)
        }
    }

    static func lastIndex(notAfter t: Double, in times: [Double], hint: Int) -> Int {
        let count = times.count
        if hint < count, times[hint] <= t {
            var index = hint
            var steps = 0
            while index + 1 < count, times[index + 1] <= t, steps < 8 {
                index += 1
                steps += 1
            }
            if index + 1 == count || times[index + 1] > t { return index }
        }
        guard times[0] <= t else { return 0 }
        var low = 0
        var high = count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if times[mid] <= t { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The common gap when `times` (count ≥ 2) are evenly spaced within 1e-9 relative, else `nil`.
    static func uniformInterval(_ times: [Double]) -> Double? {
        let start = times[0]
        let interval = times[1] - start
        for (index, time) in times.enumerated() {
            let expected = start + Double(index) * interval
            if abs(time - expected) > 1e-9 * max(1, abs(time)) { return nil }
        }
        return interval
    }
}

/// The file format of a replayed workload trace (`workload: {trace: {format: ...}}`).
public enum TraceFormat: String, Sendable, CaseIterable, Codable {
    /// PlanetLab / CoMon: one file per VM, one integer CPU percent per line, 5-minute steps.
    case planetlab
    /// Generic CSV: `time_s,cpu_util[,mem_util]`, one file per VM or one file with a `vm` column.
    case csv
}

/// What a trace does after its last sample (`workload: {trace: {at_end: ...}}`).
public enum TraceEnd: String, Sendable, CaseIterable, Codable {
    /// Start again from the first sample: the trace is periodic with period `durationSeconds`.
    case `repeat`
    /// Keep the last sample's value for ever.
    case hold
}
