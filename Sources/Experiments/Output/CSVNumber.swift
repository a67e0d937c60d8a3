/// Formats numbers for the CSV contract (docs/outputs.md): `.` decimal separator, no exponent, no
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

    /// A text cell: neutralised against formula injection, then quoted per RFC 4180 when it
    /// contains a comma, quote, CR or LF.
    ///
    /// A spreadsheet reads a cell that starts with `=`, `+`, `-`, `@`, TAB or CR as a formula, so
    /// such a cell (a VM named `=HYPERLINK(…)` in an inventory export) gets a leading `'`, OWASP's
    /// CSV-injection rule (docs/outputs.md). A cell that is a plain decimal number (`-0.5`, an
    /// axis value) is data, not a formula, and is left as it is.
    public static func text(_ s: String) -> String {
        let cell = neutralised(s)
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// `s` with a `'` in front when a spreadsheet would read it as a formula.
    public static func neutralised(_ s: String) -> String {
        guard let first = s.unicodeScalars.first, formulaStarts.contains(first), !isPlainNumber(s) else { return s }
        return "'" + s
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// `-12`, `+0.5`, `-3.`: an optional sign, digits and at most one `.`, nothing else.
    static func isPlainNumber(_ s: String) -> Bool {
        var digits = 0, dots = 0
        for (i, c) in s.unicodeScalars.enumerated() {
            if i == 0, c == "-" || c == "+" { continue }
            if c == "." { dots += 1; continue }
            guard c.value >= 48 && c.value <= 57 else { return false }
            digits += 1
        }
        return digits > 0 && dots <= 1
    }

    /// `true`/`false`.
    public static func bool(_ b: Bool) -> String { b ? "true" : "false" }
}
