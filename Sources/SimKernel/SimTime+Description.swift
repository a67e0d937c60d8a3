// Human-readable rendering of SimTime for logs and test messages.

extension SimTime: CustomStringConvertible {
    /// The time as `[-][Dd]HH:MM:SS.ffffff`, for example `1d02:03:04.000005` or `00:00:01.500000`.
    ///
    /// The day prefix is omitted when the magnitude is under one day.
    public var description: String {
        let magnitude = microseconds.magnitude
        let fraction = magnitude % 1_000_000
        let totalSeconds = magnitude / 1_000_000
        let seconds = totalSeconds % 60
        let minutes = (totalSeconds / 60) % 60
        let hours = (totalSeconds / 3_600) % 24
        let days = totalSeconds / 86_400
        var text = microseconds < 0 ? "-" : ""
        if days > 0 { text += "\(days)d" }
        text += Self.padded(hours, width: 2) + ":" + Self.padded(minutes, width: 2) + ":"
        text += Self.padded(seconds, width: 2) + "." + Self.padded(fraction, width: 6)
        return text
    }

    /// `value` in decimal, left-padded with zeros to `width` digits.
    private static func padded(_ value: UInt64, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }
}
