/// Demand bursts (docs/model.md "Workload"): Poisson arrivals, exponentially distributed durations, demand
/// multiplied by `factor` while a burst lasts.
public struct BurstsSpec: Codable, Hashable, Sendable {
    /// Mean bursts per day (≥ 0). Default 1.
    public var perDay: Double
    /// Demand multiplier during a burst (> 0). Default 2.
    public var factor: Double
    /// Mean burst duration (> 0). Default 20 min.
    public var duration: DurationValue

    /// Bursts with the given rate, height and mean length.
    public init(perDay: Double = 1, factor: Double = 2, duration: DurationValue = .minutes(20)) {
        self.perDay = perDay
        self.factor = factor
        self.duration = duration
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case perDay = "per_day"
        case factor, duration
    }
}

extension BurstsSpec {
    /// Reads a `bursts:` block.
    init(reading m: MappingReader<CodingKeys>) {
        self.init()
        if let value = m.double(.perDay) { perDay = value }
        if let value = m.double(.factor) { factor = value }
        if let value = m.duration(.duration) { duration = value }
    }
}
