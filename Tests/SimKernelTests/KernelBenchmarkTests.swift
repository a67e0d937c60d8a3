import Testing
@testable import SimKernel

@Suite struct KernelBenchmarkTests {
    @Test func checksumIsDeterministicPerSeed() {
        let first = KernelBenchmark.holdModel(pending: 64, events: 10_000, seed: 7)
        let again = KernelBenchmark.holdModel(pending: 64, events: 10_000, seed: 7)
        let other = KernelBenchmark.holdModel(pending: 64, events: 10_000, seed: 8)
        #expect(first.checksum == again.checksum)
        #expect(first.checksum != other.checksum)
        #expect(first.eventsPerSecond > 0)
    }

    /// The hold model replayed on the sorted-array oracle must fold the same checksum, so the
    /// kernel's whole run-loop order matches the contract on a long tie-heavy workload.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func checksumMatchesTheOracleOrder(seed: UInt64) {
        let pending = 40
        let events = 3_000
        var random = SplitMix64(seed: seed)
        var oracle = QueueOracle()
        var nextPayload: Int64 = 0
        func scheduleNext(at now: SimTime) {
            let time = now + .microseconds(Int64(random.next(below: 2_000)))
            oracle.push(Event(time: time, target: 0, payload: nextPayload), handle: .invalid)
            nextPayload += 1
        }
        for _ in 0..<pending { scheduleNext(at: .zero) }
        var checksum: UInt64 = 0
        for handled in 1...events {
            guard let event = oracle.popFirst() else { break }
            checksum = (checksum &* 0x100_0000_01B3) ^ UInt64(bitPattern: event.time.microseconds)
            checksum = (checksum &* 0x100_0000_01B3) ^ UInt64(bitPattern: event.payload)
            if handled < events { scheduleNext(at: event.time) }
        }
        let kernel = KernelBenchmark.holdModel(pending: pending, events: events, seed: seed)
        #expect(kernel.checksum == checksum, "seed \(seed)")
    }
}
