/// One YAML scalar as written (a sweep axis value, a baseline value, a `--set` value): its text and
/// whether it was quoted, so that applying it to a scenario gives exactly what writing it in the
/// file would have given (`3` stays a number, `"3"` a string).
public struct ScalarValue: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The scalar's text, without quotes.
    public var text: String
    /// True when the scalar was quoted in YAML (so it is a string whatever it looks like).
    public var quoted: Bool

    /// Creates a scalar from its text.
    public init(_ text: String, quoted: Bool = false) {
        self.text = text
        self.quoted = quoted
    }

    /// The text, as shown in configuration ids.
    public var description: String { text }

    /// A key that makes `3`, `3.0` and `+3` compare equal, and `True`/`true`; used to match a
    /// baseline value to an axis value.
    var comparisonKey: String {
        if !quoted {
            let lower = text.lowercased()
            if ["true", "yes", "on"].contains(lower) { return "bool:true" }
            if ["false", "no", "off"].contains(lower) { return "bool:false" }
            if let number = Double(text.replacingUnderscores()), number.isFinite { return "number:\(number)" }
        }
        return "text:" + text
    }

    /// The value as a typed scalar, for encoding: integer, number, boolean or string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if !quoted {
            if let integer = Int(text) { return try container.encode(integer) }
            if let number = Double(text), number.isFinite, text.contains(".") { return try container.encode(number) }
            switch text {
            case "true": return try container.encode(true)
            case "false": return try container.encode(false)
            default: break
            }
        }
        try container.encode(text)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self.init(flag ? "true" : "false")
        } else if let integer = try? container.decode(Int.self) {
            self.init(String(integer))
        } else if let number = try? container.decode(Double.self) {
            self.init(String(number))
        } else {
            let text = try container.decode(String.self)
            self.init(text, quoted: true)
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }),
              let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}

extension String {
    /// The text without `_` digit separators (YAML allows `1_000`).
    func replacingUnderscores() -> String { filter { $0 != "_" } }
}
