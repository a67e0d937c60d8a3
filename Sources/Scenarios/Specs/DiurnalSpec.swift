/// Daily demand cycle: `1 + amplitude × cos(2π (hour(t) − peak_hour) / 24)` (DESIGN §4.2).
public struct DiurnalSpec: Codable, Hashable, Sendable {
    /// Relative swing, 0–1. Default 0.5.
    public var amplitude = 0.5
    /// Hour of the daily peak (UTC, 0 ≤ h < 24, fractions allowed). Default 14.
    public var peakHour = 14.0

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
    init(reading m: MappingReader) {
        self.init(amplitude: m.double("amplitude") ?? 0.5, peakHour: m.double("peak_hour") ?? 14)
    }
}
