/// Daily demand cycle: `1 + amplitude × cos(2π (hour(t) − peak_hour) / 24)` (docs/model.md "Workload").
public struct DiurnalSpec: Codable, Hashable, Sendable {
    /// Relative swing, 0–1. Default 0.5.
    public var amplitude: Double
    /// Hour of the daily peak (UTC, 0 ≤ h < 24, fractions allowed). Default 14.
    public var peakHour: Double

    /// The default cycle (±50 %, peak at 14:00 UTC).
    public init(amplitude: Double = 0.5, peakHour: Double = 14) {
        self.amplitude = amplitude
        self.peakHour = peakHour
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case amplitude
        case peakHour = "peak_hour"
    }
}

extension DiurnalSpec {
    /// Reads a `diurnal:` block.
    init(reading m: MappingReader<CodingKeys>) {
        self.init()
        if let value = m.double(.amplitude) { amplitude = value }
        if let value = m.double(.peakHour) { peakHour = value }
    }
}
