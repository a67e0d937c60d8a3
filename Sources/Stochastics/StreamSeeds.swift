/// Derives the seed of a named random substream from a run's master seed.
///
/// drsim gives every consumer of randomness (each VM's workload, each policy) its own stream,
/// seeded by `derive(master:name:)`. Because the seed depends only on the master seed and the
/// stream's name, two runs with the same master seed that differ only in DRS/DPM settings draw
/// exactly the same workload sample paths (common random numbers, docs/model.md "Time, events, randomness").
///
/// The derivation is `splitMix64(master ^ splitMix64(fnv1a64(name)))`. `splitMix64` is a
/// bijection on `UInt64`, so for a fixed name distinct masters always give distinct seeds, and
/// for a fixed master, names with distinct FNV-1a hashes always give distinct seeds.
/// Never uses `hashValue`, which is randomized per process.
public enum StreamSeeds {
    /// FNV-1a offset basis (64-bit).
    static let fnvOffsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    /// FNV-1a prime (64-bit).
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01b3
    /// SplitMix64's increment, the golden-ratio constant `⌊2^64 / φ⌋` (odd).
    static let splitMixGamma: UInt64 = 0x9e37_79b9_7f4a_7c15

    /// The 64-bit FNV-1a hash of the UTF-8 bytes of `text` (Fowler–Noll–Vo, IETF draft
    /// draft-eastlake-fnv). `fnv1a64("") == 0xcbf29ce484222325`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        var hash = fnvOffsetBasis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* fnvPrime
        }
        return hash
    }

    /// One SplitMix64 step from state `x`: adds the golden-gamma increment, then applies the
    /// finalizer of Steele, Lea & Flood (2014) as in Vigna's `splitmix64.c`.
    /// `splitMix64(0) == 0xe220a8397b1dcdaf`. A bijection on `UInt64`.
    public static func splitMix64(_ x: UInt64) -> UInt64 {
        var z = x &+ splitMixGamma
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// The seed of substream `name` under master seed `master`.
    public static func derive(master: UInt64, name: String) -> UInt64 {
        splitMix64(master ^ splitMix64(fnv1a64(name)))
    }
}
