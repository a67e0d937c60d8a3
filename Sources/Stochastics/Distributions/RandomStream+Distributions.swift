import CGSL

/// Continuous distributions, each one call into GSL's `gsl_ran_*`.
///
/// Parameters are checked with preconditions: a bad parameter here is a programmer error
/// (scenario values are validated before a model is built).
extension RandomStream {
    /// A normal draw (`gsl_ran_gaussian_ziggurat`, Marsaglia–Tsang ziggurat).
    /// - Precondition: `sd >= 0`.
    public func normal(mean: Double = 0, sd: Double = 1) -> Double {
        precondition(sd >= 0, "normal(sd:) needs sd >= 0, got \(sd)")
        return mean + gsl_ran_gaussian_ziggurat(rng, sd)
    }

    /// A log-normal draw `exp(N(mu, sigma²))` (`gsl_ran_lognormal`);
    /// its mean is `exp(mu + sigma²/2)`.
    /// - Precondition: `sigma >= 0`.
    public func logNormal(mu: Double, sigma: Double) -> Double {
        precondition(sigma >= 0, "logNormal(sigma:) needs sigma >= 0, got \(sigma)")
        return gsl_ran_lognormal(rng, mu, sigma)
    }

    /// An exponential draw with the given mean (`gsl_ran_exponential`), e.g. a burst duration
    /// or the time to the next Poisson arrival (mean = 1 / rate).
    /// - Precondition: `mean >= 0`.
    public func exponential(mean: Double) -> Double {
        precondition(mean >= 0, "exponential(mean:) needs mean >= 0, got \(mean)")
        return gsl_ran_exponential(rng, mean)
    }

    /// A gamma draw with density ∝ x^(shape−1) e^(−x/scale) (`gsl_ran_gamma`, Marsaglia–Tsang);
    /// mean `shape × scale`, variance `shape × scale²`.
    /// - Precondition: `shape > 0`, `scale > 0`.
    public func gamma(shape: Double, scale: Double) -> Double {
        precondition(shape > 0 && scale > 0, "gamma needs shape > 0 and scale > 0, got \(shape), \(scale)")
        return gsl_ran_gamma(rng, shape, scale)
    }

    /// A Weibull draw with CDF 1 − exp(−(x/scale)^shape) (`gsl_ran_weibull`), e.g. times to
    /// failure with a wear-out (shape > 1) or infant-mortality (shape < 1) hazard.
    /// - Precondition: `shape > 0`, `scale > 0`.
    public func weibull(scale: Double, shape: Double) -> Double {
        precondition(shape > 0 && scale > 0, "weibull needs shape > 0 and scale > 0, got \(shape), \(scale)")
        return gsl_ran_weibull(rng, scale, shape)
    }

    /// A uniform draw in [low, high) (`gsl_ran_flat`), e.g. a random phase.
    /// - Precondition: `low <= high`.
    public func uniform(low: Double, high: Double) -> Double {
        precondition(low <= high, "uniform(low:high:) needs low <= high, got \(low), \(high)")
        return gsl_ran_flat(rng, low, high)
    }
}

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
