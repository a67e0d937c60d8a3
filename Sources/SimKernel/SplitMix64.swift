// SplitMix64: a tiny deterministic generator for the kernel's own benchmark.
// Model randomness lives in the Stochastics target (GSL streams); this one never feeds a model.

/// Steele, Lea and Flood's SplitMix64 generator (the seeding generator of xoshiro), kept
/// internal to the kernel for `KernelBenchmark` and tests.
@usableFromInline
internal struct SplitMix64: Sendable {
    @usableFromInline internal var state: UInt64

    @inlinable
    internal init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    @inlinable
    internal mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A value in `0..<bound` (Lemire's multiply-shift; the tiny bias is irrelevant here).
    @inlinable
    internal mutating func next(below bound: UInt64) -> UInt64 {
        next().multipliedFullWidth(by: bound).high
    }
}
