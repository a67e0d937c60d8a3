import CGSL

/// Discrete distributions, each one call into GSL's `gsl_ran_*`.
extension RandomStream {
    /// A Poisson draw with the given mean (`gsl_ran_poisson`), e.g. burst arrivals per day.
    /// - Precondition: `0 <= mean < 2^31` and finite (a mean of 0 always gives 0).
    public func poisson(mean: Double) -> Int {
        precondition(mean >= 0 && mean < 2_147_483_648, "poisson(mean:) needs 0 <= mean < 2^31, got \(mean)")
        return Int(gsl_ran_poisson(rng, mean))
    }

    /// `true` with probability `p` (`gsl_ran_bernoulli`): p = 0 is never, p = 1 always.
    /// - Precondition: `0 <= p <= 1`.
    public func bernoulli(_ p: Double) -> Bool {
        precondition(p >= 0 && p <= 1, "bernoulli needs 0 <= p <= 1, got \(p)")
        return gsl_ran_bernoulli(rng, p) == 1
    }
}
