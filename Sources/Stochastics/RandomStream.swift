import CGSL

/// One GSL random number generator: a named substream of a run (docs/model.md "Time, events, randomness").
///
/// The generator is `gsl_rng_taus2` (L'Ecuyer's maximally equidistributed combined Tausworthe
/// generator, period ≈ 2^88): 24 bytes of state and one of GSL's fastest generators.
/// `gsl_rng_mt19937` was not chosen because its state is about 5 KB: a fleet run has one
/// stream per VM, and 128,000 VM streams would hold ≈ 640 MB of generator state instead of ≈ 3 MB.
///
/// Seeding: `gsl_rng_set` on taus2 keeps only the low 32 bits of its seed, so among 128,000
/// streams about two pairs would collide. Instead the full 64-bit seed is expanded with
/// SplitMix64 into the generator's three 32-bit state words (with GSL's validity minimums
/// s1 ≥ 2, s2 ≥ 8, s3 ≥ 16), so distinct 64-bit seeds give distinct streams (up to those
/// minimums) and seed 0 is valid.
///
/// Not `Sendable`: a stream is mutable state owned by one run; each run creates its own streams
/// (from the master seed and a name) on the thread or task that runs it.
///
/// All draws call GSL (`gsl_rng_*`, `gsl_ran_*`); see `RandomStream+Continuous.swift` and
/// `RandomStream+Discrete.swift` for the distributions.
public final class RandomStream {
    /// The generator; owned by this object and freed in `deinit`.
    let rng: UnsafeMutablePointer<gsl_rng>

    /// The 64-bit seed this stream was created with.
    public let seed: UInt64

    /// Creates a stream from a 64-bit seed; every seed, including 0, is valid.
    public init(seed: UInt64) {
        GSLRuntime.configure()
        guard let rng = gsl_rng_alloc(drsim_rng_taus2()) else {
            preconditionFailure("gsl_rng_alloc(taus2) failed: out of memory")
        }
        let first = StreamSeeds.splitMix64(seed)
        let second = StreamSeeds.splitMix64(seed &+ StreamSeeds.splitMixGamma)
        let stateWasSet = drsim_rng_taus2_set_state(
            rng,
            UInt32(truncatingIfNeeded: first),
            UInt32(truncatingIfNeeded: first >> 32),
            UInt32(truncatingIfNeeded: second))
        precondition(stateWasSet == 1, "GSL taus2 state layout differs from drsim's shim.h mirror")
        self.rng = rng
        self.seed = seed
    }

    /// Creates the substream `name` of the run seeded with `master` (`StreamSeeds.derive`).
    public convenience init(master: UInt64, name: String) {
        self.init(seed: StreamSeeds.derive(master: master, name: name))
    }

    deinit {
        gsl_rng_free(rng)
    }

    /// A uniform draw in [0, 1) (`gsl_rng_uniform`; resolution 2^-32).
    public func uniform() -> Double {
        gsl_rng_uniform(rng)
    }

    /// A uniform draw in (0, 1), never exactly 0 (`gsl_rng_uniform_pos`); safe under `log`.
    public func uniformPositive() -> Double {
        gsl_rng_uniform_pos(rng)
    }

    /// A uniform integer in `0..<n` without modulo bias (`gsl_rng_uniform_int`).
    /// - Precondition: `1 <= n <= 2^32` (the generator's range).
    public func uniformInt(below n: Int) -> Int {
        precondition(n >= 1 && UInt64(n) <= (1 << 32), "uniformInt(below:) needs 1 <= n <= 2^32, got \(n)")
        return Int(gsl_rng_uniform_int(rng, UInt(n)))
    }

    /// The raw 32-bit output of the generator (`gsl_rng_get`), for tests and diagnostics.
    public func next32() -> UInt32 {
        UInt32(truncatingIfNeeded: gsl_rng_get(rng))
    }
}

/// Streams are single-owner mutable state; sharing one across tasks would make draws
/// depend on scheduling and break reproducibility.
@available(*, unavailable)
extension RandomStream: Sendable {}
