/// Text from the input (names, paths, values, file excerpts) made safe to print on a terminal:
/// control characters could move the cursor, rewrite earlier lines or change the terminal's
/// title, so every message that echoes input escapes them (docs/reliability.md).
public enum TerminalText {
    /// Whether `scalar` is a control character: C0 (including TAB, CR and LF), DEL, C1, and the
    /// Unicode line and paragraph separators.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }

    /// Whether `text` holds a control character.
    public static func containsControl(_ text: some StringProtocol) -> Bool {
        text.unicodeScalars.contains(where: isControl)
    }

    /// `text` with each control character written as an escape: `\t`, `\n`, `\r`, `\e` (ESC),
    /// else `\u{…}` in hex. With `keepingNewlines`, `\n` stays a line break (for multi-line
    /// messages whose values were escaped already).
    public static func escaped(_ text: some StringProtocol, keepingNewlines: Bool = false) -> String {
        guard containsControl(text) else { return String(text) }
        var out = ""
        for scalar in text.unicodeScalars {
            guard isControl(scalar) else { out.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": out += keepingNewlines ? "\n" : "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case "\u{1B}": out += "\\e"
            default: out += "\\u{" + String(scalar.value, radix: 16) + "}"
            }
        }
        return out
    }

    /// At most `limit` characters of `text`, escaped, with `…` when cut (for excerpts of files).
    public static func excerpt(_ text: some StringProtocol, limit: Int = 60) -> String {
        let cut = text.count > limit
        return escaped(text.prefix(limit)) + (cut ? "…" : "")
    }
}

extension Int {
    /// The number with `,` thousands separators, for messages.
    var groupedDigits: String {
        let digits = String(magnitude)
        var text = ""
        for (position, character) in digits.enumerated() {
            if position > 0, (digits.count - position) % 3 == 0 { text.append(",") }
            text.append(character)
        }
        return (self < 0 ? "-" : "") + text
    }
}
