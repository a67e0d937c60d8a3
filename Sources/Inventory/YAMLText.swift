import Foundation

/// Formatting of YAML scalars for the generated scenario.
enum YAMLText {
    /// A double-quoted YAML string: safe for any name (spaces, commas, colons, quotes, `#`,
    /// non-ASCII), with `\` and `"` escaped and control characters written as escapes.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    result += String(format: "\\u%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A plain decimal with at most `places` decimals, trailing zeros dropped, no exponent
    /// (`0.250` → `0.25`, `16.0` → `16`).
    static func decimal(_ value: Double, places: Int) -> String {
        var text = String(format: "%.\(places)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Text safe inside a `#` comment line (line breaks become spaces).
    static func comment(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// `[a, b, c]` of quoted strings, wrapped before `width` columns; continuation lines start
    /// with `indent` spaces (deeper than the key, as YAML flow sequences require).
    static func flowList(_ items: [String], firstColumn: Int, indent: Int, width: Int = 100) -> String {
        var result = "["
        var column = firstColumn + 1
        for (index, item) in items.enumerated() {
            let piece = quoted(item) + (index == items.count - 1 ? "]" : ",")
            if index > 0 {
                if column + 1 + piece.count > width {
                    result += "\n" + String(repeating: " ", count: indent)
                    column = indent
                } else {
                    result += " "
                    column += 1
                }
            }
            result += piece
            column += piece.count
        }
        return items.isEmpty ? "[]" : result
    }
}
