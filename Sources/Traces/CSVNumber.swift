/// Parses a number from a CSV cell the way spreadsheet exports write them.
///
/// Accepts surrounding spaces (also no-break spaces), a trailing `%` (the caller decides the
/// scale), and — when the file's separator is not a comma — a decimal comma (`12,5`), as
/// European-locale exports with `;` separators write. Rejects empty cells, `nan` and infinities.
public enum CSVNumber {
    /// The value of `text`, or `nil` when it is not a finite number.
    public static func parse(_ text: String, decimalComma: Bool) -> Double? {
        var cleaned = text.unicodeScalars.filter { !isSpace($0) }
        if cleaned.last == "%" { cleaned.removeLast() }
        guard !cleaned.isEmpty else { return nil }
        var string = String(String.UnicodeScalarView(cleaned))
        if decimalComma, !string.contains("."), string.filter({ $0 == "," }).count == 1 {
            string = string.replacingComma()
        }
        guard string.unicodeScalars.allSatisfy(isNumberScalar), let value = Double(string), value.isFinite else {
            return nil
        }
        return value
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\u{00A0}" || scalar == "\u{202F}"
    }

    private static func isNumberScalar(_ scalar: Unicode.Scalar) -> Bool {
        ("0"..."9").contains(scalar) || scalar == "." || scalar == "-" || scalar == "+" || scalar == "e" || scalar == "E"
    }
}

extension String {
    fileprivate func replacingComma() -> String {
        String(map { $0 == "," ? "." : $0 })
    }
}
