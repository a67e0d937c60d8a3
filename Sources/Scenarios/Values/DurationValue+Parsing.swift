extension DurationValue {
    /// The longest accepted duration: 100 years, far beyond any simulation, far below `Int64` overflow.
    static let maximum = DurationValue.days(36_525)

    /// Parses a duration such as `90s`, `500ms`, `5m`, `2h`, `7d`, `2w`, `1d6h`, `1.5h` or `250us`.
    ///
    /// Refused: bare numbers (with a hint), negative values, unknown units, a unit repeated or
    /// out of order (`5m2h`), fractions finer than a microsecond, and values above 100 years.
    public static func parse(_ rawText: String) -> Result<DurationValue, DurationParseError> {
        let text = rawText.trimmingWhitespace()
        guard !text.isEmpty else { return .failure(.init(message: "empty duration (write e.g. 5m or 90s)")) }
        if let number = Double(text), number.isFinite {
            return .failure(.init(message: bareNumberMessage(text, number)))
        }
        if text.contains(where: { $0 == " " || $0 == "\t" }) {
            return .failure(.init(message: spacedMessage(text)))
        }
        if text.hasPrefix("-") {
            return .failure(.init(message: "duration '\(text)' is negative; durations are ≥ 0"))
        }
        var total: Int64 = 0
        var lastUnitIndex = -1
        var scalars = Substring(text)
        while !scalars.isEmpty {
            let number = scalars.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            scalars = scalars.dropFirst(number.count)
            let unit = scalars.prefix { $0.isLetter || $0 == "µ" }
            scalars = scalars.dropFirst(unit.count)
            guard !number.isEmpty, let value = Double(number) else {
                return .failure(.init(message: "cannot read duration '\(text)' (write e.g. 90s, 500ms, 5m, 2h, 7d, 2w, 1d6h)"))
            }
            let symbol = unit == "µs" ? "us" : String(unit)
            guard let unitIndex = units.firstIndex(where: { $0.symbol == symbol }) else {
                let shown = unit.isEmpty ? "nothing" : "'\(unit)'"
                return .failure(.init(message:
                    "unknown unit \(shown) in duration '\(text)' (valid units: w, d, h, m, s, ms, us)"))
            }
            guard unitIndex > lastUnitIndex else {
                return .failure(.init(message:
                    "units in duration '\(text)' must go from largest to smallest, each once (e.g. 1d6h30m)"))
            }
            lastUnitIndex = unitIndex
            let micros = value * Double(units[unitIndex].microseconds)
            guard micros <= Double(maximum.microseconds) else { return .failure(tooLong(text)) }
            let rounded = micros.rounded()
            guard abs(micros - rounded) < 1e-6 * max(1, micros) else {
                return .failure(.init(message: "duration '\(text)' is finer than one microsecond"))
            }
            total += Int64(rounded)
            guard total <= maximum.microseconds else { return .failure(tooLong(text)) }
        }
        return .success(DurationValue(microseconds: total))
    }

    /// `7 days` → "write it as 7d": the number and a unit symbol, without spaces.
    private static func spacedMessage(_ text: String) -> String {
        let words: [(prefix: String, symbol: String)] = [("week", "w"), ("day", "d"), ("hour", "h"), ("hr", "h"),
                                                         ("min", "m"), ("sec", "s"), ("ms", "ms"), ("us", "us")]
        var suggestion = ""
        for part in text.split(whereSeparator: { $0 == " " || $0 == "\t" }) {
            if part.allSatisfy({ $0.isNumber || $0 == "." }) {
                suggestion += part
            } else if let word = words.first(where: { part.lowercased().hasPrefix($0.prefix) }) {
                suggestion += word.symbol
            } else {
                suggestion += part
            }
        }
        let hint = Self.parse(suggestion).map { _ in " (write it as \(suggestion))" }
        let shown = (try? hint.get()) ?? ""
        return "duration '\(text)' has a space: write the number and a unit symbol together\(shown) "
            + "(units: w, d, h, m, s, ms, us; e.g. 7d, 2w, 1d6h)"
    }

    private static func tooLong(_ text: String) -> DurationParseError {
        .init(message: "duration '\(text)' is longer than 100 years")
    }

    private static func bareNumberMessage(_ text: String, _ number: Double) -> String {
        let hint: String
        if number >= 60, number.truncatingRemainder(dividingBy: 60) == 0 {
            hint = "'\(text)s' or '\(Int(number / 60))m'"
        } else {
            hint = "'\(text)s', '\(text)m', '\(text)h' or '\(text)d'"
        }
        return "duration '\(text)' has no unit: add a unit, e.g. \(hint) (units: w, d, h, m, s, ms, us)"
    }
}

/// Why a duration string was refused; ``message`` is shown to the user.
public struct DurationParseError: Error, Equatable, Sendable {
    /// A one-line explanation, with a hint where one helps.
    public let message: String
}
