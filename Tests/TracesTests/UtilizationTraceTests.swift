import Testing
@testable import Traces

@Suite struct UtilizationTraceTests {
    @Test func stepHoldBetweenSamples() {
        let trace = UtilizationTrace(timesSeconds: [0, 300, 600], cpu: [0.1, 0.5, 0.9])
        #expect(trace.intervalSeconds == 300)
        #expect(trace.durationSeconds == 900)
        #expect(trace.cpu(atSeconds: 0, end: .hold) == Double(Float(0.1)))
        #expect(trace.cpu(atSeconds: 299.999, end: .hold) == Double(Float(0.1)))
        #expect(trace.cpu(atSeconds: 300, end: .hold) == Double(Float(0.5)))
        #expect(trace.cpu(atSeconds: 899, end: .hold) == Double(Float(0.9)))
        #expect(trace.cpu(atSeconds: -5, end: .hold) == Double(Float(0.1)))
    }

    @Test func holdKeepsTheLastValueRepeatWraps() {
        let trace = UtilizationTrace(cpuPercent: [10, 20, 30], intervalSeconds: 300)
        #expect(trace.cpu(atSeconds: 900, end: .hold) == 0.3)
        #expect(trace.cpu(atSeconds: 100_000, end: .hold) == 0.3)
        #expect(trace.cpu(atSeconds: 900, end: .repeat) == 0.1)
        #expect(trace.cpu(atSeconds: 1_200, end: .repeat) == 0.2)
        #expect(trace.cpu(atSeconds: 3 * 900 + 650, end: .repeat) == 0.3)
    }

    @Test func traceIntervalDiffersFromTheSamplingInterval() {
        // A 1-minute trace read every 5 minutes takes every fifth sample ...
        let fine = UtilizationTrace(cpuPercent: (0..<20).map { UInt8($0) }, intervalSeconds: 60)
        #expect((0..<4).map { fine.cpu(atSeconds: Double($0) * 300, end: .hold) } == [0, 0.05, 0.1, 0.15])
        // ... and a 15-minute trace read every 5 minutes holds each sample for three reads.
        let coarse = UtilizationTrace(timesSeconds: [0, 900, 1_800], cpu: [0.25, 0.5, 0.75])
        let reads = (0..<9).map { coarse.cpu(atSeconds: Double($0) * 300, end: .hold) }
        #expect(reads == [0.25, 0.25, 0.25, 0.5, 0.5, 0.5, 0.75, 0.75, 0.75])
        #expect(coarse.cpu(atSeconds: 2_700, end: .repeat) == 0.25)
    }

    @Test func irregularTimesUseTheLastSampleNotAfterT() {
        let trace = UtilizationTrace(timesSeconds: [60, 100, 700], cpu: [0.25, 0.5, 0.75], memory: [0.5, 0.25, 1])
        #expect(trace.intervalSeconds == nil)
        #expect(trace.startSeconds == 60)
        #expect(trace.durationSeconds == 1_300)  // the last sample holds for one more gap (600 s)
        #expect(trace.cpu(atSeconds: 0, end: .hold) == 0.25)  // before the first sample: first value
        #expect(trace.cpu(atSeconds: 99, end: .hold) == 0.25)
        #expect(trace.cpu(atSeconds: 100, end: .hold) == 0.5)
        #expect(trace.cpu(atSeconds: 1_299, end: .hold) == 0.75)
        #expect(trace.memory(atSeconds: 650, end: .hold) == 0.25)
        #expect(trace.cpu(atSeconds: 1_300 + 120, end: .repeat) == 0.5)
        #expect(trace.memory(atSeconds: 5_000, end: .hold) == 1)
    }

    @Test func oneSampleIsAConstant() {
        let trace = UtilizationTrace(timesSeconds: [0], cpu: [0.5])
        #expect(trace.durationSeconds == .infinity)
        #expect(trace.cpu(atSeconds: 1e9, end: .repeat) == 0.5)
        #expect(trace.meanCPU == 0.5)
    }

    @Test func meanIsTimeWeighted() {
        #expect(abs(UtilizationTrace(cpuPercent: [10, 20, 60], intervalSeconds: 300).meanCPU - 0.3) < 1e-12)
        // [0, 100) at 0.5 (held before the first sample), [100, 300) at 0.0, last holds 200 s at 1.0
        let trace = UtilizationTrace(timesSeconds: [50, 100, 300], cpu: [0.5, 0, 1])
        #expect(abs(trace.meanCPU - (0.5 * 100 + 1.0 * 200) / 500) < 1e-12)
        #expect(trace.memory(atSeconds: 0, end: .hold) == nil)
    }

    @Test func evenlySpacedTimesAreStoredAsAnInterval() {
        let trace = UtilizationTrace(timesSeconds: [120, 180, 240, 300], cpu: [0, 0.25, 0.5, 0.75])
        #expect(trace.intervalSeconds == 60)
        #expect(trace.durationSeconds == 360)
        #expect(trace.sampleTime(at: 3) == 300)
        #expect(trace.cpu(atSeconds: 100, end: .hold) == 0)
        #expect(trace.cpu(atSeconds: 250, end: .hold) == 0.5)
    }

    @Test(arguments: [1, 2, 3, 4, 5])
    func cursorMatchesDirectLookup(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        var time = 0.0
        let times: [Double] = (0..<50).map { _ in
            time += 1 + Double(rng.next() % 600)
            return time
        }
        let cpu: [Float] = (0..<50).map { _ in Float(rng.next() % 101) / 100 }
        let trace = UtilizationTrace(timesSeconds: times, cpu: cpu)
        #expect(trace.intervalSeconds == nil)
        for end in TraceEnd.allCases {
            var cursor = trace.cursor(end: end)
            var t = 0.0
            for step in 0..<400 {
                // mostly forward in 5-minute steps, sometimes back in time
                t = step % 97 == 96 ? t / 3 : t + 300
                #expect(cursor.cpu(atSeconds: t) == trace.cpu(atSeconds: t, end: end), "seed \(seed) t \(t) \(end)")
            }
        }
    }
}

/// A tiny deterministic generator for the tests (SplitMix64).
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
