/// Multiplicative log-normal AR(1) noise on CPU demand (docs/model.md "Workload"): the log-factor has standard
/// deviation `sigma` and autocorrelation φ = exp(−Δt / `correlation_time`).
public struct NoiseSpec: Codable, Hashable, Sendable {
    /// Standard deviation of the log-factor (≥ 0). Default 0.15.
    public var sigma: Double
    /// Correlation time τ (> 0). Default 30 min.
    public var correlationTime: DurationValue

    /// Noise with the given spread and memory.
    public init(sigma: Double = 0.15, correlationTime: DurationValue = .minutes(30)) {
        self.sigma = sigma
        self.correlationTime = correlationTime
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case sigma
        case correlationTime = "correlation_time"
    }
}

extension NoiseSpec {
    /// Reads a `noise:` block.
    init(reading m: MappingReader<CodingKeys>) {
        self.init()
        if let value = m.double(.sigma) { sigma = value }
        if let value = m.duration(.correlationTime) { correlationTime = value }
    }
}
