/// An absolute UTC instant with microsecond resolution: the calendar time of simulated `t = 0`.
///
/// Written as ISO-8601, `2026-01-05T00:00:00Z` (a space may replace the `T`, a `+hh:mm` offset may
/// replace `Z` and is converted to UTC, a date alone means midnight UTC). Encodes back to the
/// `YYYY-MM-DDTHH:MM:SS[.ffffff]Z` form. Calendar arithmetic uses the proleptic Gregorian calendar
/// (H. Hinnant's `days_from_civil`), with no dependency on the machine's time zone.
public struct Timestamp: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Microseconds since 1970-01-01T00:00:00Z.
    public var unixMicroseconds: Int64

    /// Creates a timestamp from microseconds since the Unix epoch.
    public init(unixMicroseconds: Int64) {
        self.unixMicroseconds = unixMicroseconds
    }

    /// The default start, 2026-01-05T00:00:00Z (a Monday).
    public static let defaultStart = Timestamp(unixMicroseconds: 1_767_571_200 * 1_000_000)

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.unixMicroseconds < rhs.unixMicroseconds }

    /// Day of the week, 0 = Monday … 6 = Sunday.
    public var weekday: Int {
        let days = Self.floorDiv(unixMicroseconds, 86_400_000_000)
        return Int(Self.floorMod(days + 3, 7))   // 1970-01-01 was a Thursday (index 3)
    }

    /// Seconds since midnight UTC, including fractions (0 ≤ value < 86,400).
    public var secondOfDay: Double {
        Double(Self.floorMod(unixMicroseconds, 86_400_000_000)) / 1_000_000
    }

    /// The ISO-8601 text, e.g. `2026-01-05T00:00:00Z`.
    public var description: String {
        let days = Self.floorDiv(unixMicroseconds, 86_400_000_000)
        let micros = Self.floorMod(unixMicroseconds, 86_400_000_000)
        let (year, month, day) = Self.civil(fromDays: days)
        let second = micros / 1_000_000
        let fraction = micros % 1_000_000
        var text = "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))T"
            + "\(Self.pad(second / 3_600, 2)):\(Self.pad(second / 60 % 60, 2)):\(Self.pad(second % 60, 2))"
        if fraction != 0 { text += "." + Self.pad(fraction, 6) }
        return text + "Z"
    }

    /// The same instant as `YYYY-MM-DD HH:MM:SS` (UTC), the form spreadsheets read as a date.
    public var spreadsheetText: String {
        let iso = description
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(8))
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an ISO-8601 timestamp: \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func floorMod(_ a: Int64, _ b: Int64) -> Int64 { a - floorDiv(a, b) * b }
}
