/// Formats numbers for the CSV contract (DESIGN §6): `.` decimal separator, no exponent, no
/// thousands separators, trailing zeros trimmed, `-0` printed as `0`, non-finite values as an
/// empty cell. Deterministic and locale-free.
public enum CSVNumber {
    private static let powers: [Double] = (0...9).map { var p = 1.0; for _ in 0..<$0 { p *= 10 }; return p }

    /// `value` rounded to `decimals` (0…9) places.
    public static func format(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return "" }
        let scale = powers[decimals]
        let scaled = (value * scale).rounded()
        if abs(scaled) >= 9.0e18 { return formatLarge(value) }
        var n = Int64(scaled)
        if n == 0 { return "0" }
        let negative = n < 0
        if negative { n = -n }
        let unit = Int64(scale)
        let whole = n / unit
        var frac = n % unit
        var digits = decimals
        while digits > 0 && frac % 10 == 0 { frac /= 10; digits -= 1 }
        var s = negative ? "-" : ""
        s += String(whole)
        if digits > 0 {
            let f = String(frac)
            s += "." + String(repeating: "0", count: digits - f.count) + f
        }
        return s
    }

    /// An integer.
    public static func format(_ value: Int) -> String { String(value) }

    /// Values too large for Int64 scaling: whole part only, still without an exponent.
    private static func formatLarge(_ value: Double) -> String {
        var digits: [Character] = []
        var x = abs(value).rounded()
        while x >= 1 {
            let d = x.truncatingRemainder(dividingBy: 10)
            digits.append(Character(String(Int(d))))
            x = ((x - d) / 10).rounded()
        }
        return (value < 0 ? "-" : "") + String(digits.reversed())
    }

    /// A text cell, quoted per RFC 4180 when it contains a comma, quote, CR or LF.
    public static func text(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `true`/`false`.
    public static func bool(_ b: Bool) -> String { b ? "true" : "false" }
}
