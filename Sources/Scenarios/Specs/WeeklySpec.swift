/// Weekly demand cycle: demand is multiplied by `weekend_factor` on Saturday and Sunday (UTC
/// calendar fixed by the scenario's `start`, DESIGN §4.2).
public struct WeeklySpec: Codable, Hashable, Sendable {
    /// Weekend multiplier (≥ 0). Default 0.6.
    public var weekendFactor = 0.6

    /// A weekend at `weekendFactor` of weekday demand.
    public init(weekendFactor: Double = 0.6) {
        self.weekendFactor = weekendFactor
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case weekendFactor = "weekend_factor"
    }
}

extension WeeklySpec {
    /// Reads a `weekly:` block.
    init(reading m: MappingReader) {
        self.init(weekendFactor: m.double("weekend_factor") ?? 0.6)
    }
}
