/// Demand bursts (DESIGN §4.2): Poisson arrivals, exponentially distributed durations, demand
/// multiplied by `factor` while a burst lasts.
public struct BurstsSpec: Codable, Hashable, Sendable {
    /// Mean bursts per day (≥ 0). Default 1.
    public var perDay = 1.0
    /// Demand multiplier during a burst (> 0). Default 2.
    public var factor = 2.0
    /// Mean burst duration (> 0). Default 20 min.
    public var duration = DurationValue.minutes(20)

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
    init(reading m: MappingReader) {
        self.init(perDay: m.double("per_day") ?? 1, factor: m.double("factor") ?? 2,
                  duration: m.duration("duration") ?? .minutes(20))
    }
}
