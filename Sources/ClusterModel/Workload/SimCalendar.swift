import SimKernel

/// Maps simulated time to the wall-clock calendar fixed by the scenario's `start` (UTC).
public struct SimCalendar: Sendable {
    /// Unix seconds of simulated t = 0.
    public let startUnixSeconds: Int64

    public init(startUnixSeconds: Int64) { self.startUnixSeconds = startUnixSeconds }

    /// Unix seconds (fractional) at simulated time `t`.
    @inlinable
    public func unixSeconds(_ t: SimTime) -> Double {
        Double(startUnixSeconds) + Double(t.microseconds) / 1_000_000
    }

    /// Hour of day in [0, 24), UTC.
    @inlinable
    public func hourOfDay(_ t: SimTime) -> Double {
        let s = unixSeconds(t)
        let inDay = s - (s / 86_400).rounded(.down) * 86_400
        return inDay / 3_600
    }

    /// Day of week, 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday).
    @inlinable
    public func weekday(_ t: SimTime) -> Int {
        let day = Int64((unixSeconds(t) / 86_400).rounded(.down))
        return Int(((day + 4) % 7 + 7) % 7)
    }

    /// Whether `t` falls on a Saturday or Sunday.
    @inlinable
    public func isWeekend(_ t: SimTime) -> Bool {
        let d = weekday(t)
        return d == 0 || d == 6
    }

    /// `YYYY-MM-DD HH:MM:SS` (UTC) at simulated time `t`, truncated to the second: the `timestamp` column.
    public func timestamp(_ t: SimTime) -> String {
        let total = startUnixSeconds + t.microseconds / 1_000_000
        let days = Int64((Double(total) / 86_400).rounded(.down))
        let secs = total - days * 86_400
        let (y, m, d) = Self.civilFromDays(days)
        return "\(Self.pad4(Int64(y)))-\(Self.pad2(m))-\(Self.pad2(d)) \(Self.pad2(Int(secs / 3600))):\(Self.pad2(Int(secs / 60 % 60))):\(Self.pad2(Int(secs % 60)))"
    }

    private static func pad2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
    private static func pad2(_ v: Int64) -> String { pad2(Int(v)) }
    /// Years before 1000 keep four digits (`0999`), as `YYYY` promises and date parsers expect.
    private static func pad4(_ v: Int64) -> String {
        let digits = String(v.magnitude)
        return (v < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// Proleptic Gregorian date from days since 1970-01-01 (H. Hinnant's `civil_from_days`).
    static func civilFromDays(_ z0: Int64) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (Int(m <= 2 ? y + 1 : y), Int(m), Int(d))
    }
}
