/// Weekly demand cycle: demand is multiplied by `weekend_factor` on Saturday and Sunday (UTC
/// calendar fixed by the scenario's `start`, docs/model.md "Workload").
public struct WeeklySpec: Codable, Hashable, Sendable {
    /// Weekend multiplier (≥ 0). Default 0.6.
    public var weekendFactor: Double

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
    init(reading m: MappingReader<CodingKeys>) {
        self.init()
        if let value = m.double(.weekendFactor) { weekendFactor = value }
    }
}
