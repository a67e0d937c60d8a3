/// A non-negative relative duration in whole microseconds, written in scenario files as `90s`, `500ms`,
/// `5m`, `2h`, `7d`, `1d6h` or `250us`.
///
/// Simulated time is `Int64` microseconds everywhere in drsim (docs/architecture.md "The kernel"), so a
/// duration is stored the same way. Components must be given from the largest unit to the smallest, each unit
/// at most once; a component may have a decimal fraction (`1.5h`) as long as the total is a whole number of
/// microseconds. A bare number is refused: `300` could mean seconds or minutes.
///
/// Encodes back to the canonical form produced by ``description`` (`5400s` → `1h30m`).
public struct DurationValue: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The duration in microseconds (never negative).
    public var microseconds: Int64

    /// Creates a duration from microseconds; negative values are clamped to zero.
    public init(microseconds: Int64) {
        self.microseconds = max(0, microseconds)
    }

    /// The zero duration.
    public static let zero = DurationValue(microseconds: 0)

    /// A duration of `value` milliseconds.
    public static func milliseconds(_ value: Int64) -> DurationValue { DurationValue(microseconds: value * 1_000) }
    /// A duration of `value` seconds.
    public static func seconds(_ value: Int64) -> DurationValue { DurationValue(microseconds: value * 1_000_000) }
    /// A duration of `value` minutes.
    public static func minutes(_ value: Int64) -> DurationValue { .seconds(value * 60) }
    /// A duration of `value` hours.
    public static func hours(_ value: Int64) -> DurationValue { .seconds(value * 3_600) }
    /// A duration of `value` days.
    public static func days(_ value: Int64) -> DurationValue { .seconds(value * 86_400) }

    /// The duration in seconds, as a floating-point number (for formulas, never for event times).
    public var seconds: Double { Double(microseconds) / 1_000_000 }

    public static func < (lhs: DurationValue, rhs: DurationValue) -> Bool { lhs.microseconds < rhs.microseconds }

    /// The sum of two durations.
    public static func + (lhs: DurationValue, rhs: DurationValue) -> DurationValue {
        DurationValue(microseconds: lhs.microseconds + rhs.microseconds)
    }

    /// The units accepted in duration strings, largest first, with their length in microseconds.
    static let units: [(symbol: String, microseconds: Int64)] = [
        ("w", 604_800_000_000), ("d", 86_400_000_000), ("h", 3_600_000_000), ("m", 60_000_000), ("s", 1_000_000),
        ("ms", 1_000), ("us", 1),
    ]

    /// The canonical text: each unit from days to microseconds that is non-zero, e.g. `1d6h`,
    /// `1m30s`, `500ms`; zero is `0s`.
    public var description: String {
        guard microseconds > 0 else { return "0s" }
        var rest = microseconds
        var text = ""
        // Weeks are read, never written: `7d` stays `7d` in resolved scenarios.
        for unit in Self.units.dropFirst() where rest >= unit.microseconds {
            text += "\(rest / unit.microseconds)\(unit.symbol)"
            rest %= unit.microseconds
        }
        return text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        switch Self.parse(text) {
        case .success(let value): self = value
        case .failure(let error):
            throw DecodingError.dataCorruptedError(in: container, debugDescription: error.message)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
