import Yams

/// A YAML node being read at a known key path. Every reading method returns nil after reporting an
/// issue when the node does not have the expected shape or type, so reading never stops at the
/// first problem (docs/scenario-format.md: all errors at once).
struct NodeReader {
    /// The node.
    let node: Node
    /// Its key path.
    let path: SpecPath
    /// Where issues go.
    let reporter: IssueReporter

    /// Reports `message` at this node.
    func report(_ message: String) {
        reporter.report(message, at: path, node: node)
    }

    /// The scalar's text, or nil (with an issue naming `expected`) for a mapping or a list.
    func scalarText(expected: String) -> String? {
        guard case .scalar(let scalar) = node else {
            report("expected \(expected), found \(node.shortDescription)")
            return nil
        }
        return scalar.string
    }

    /// True when the scalar was written with quotes.
    var isQuoted: Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .singleQuoted || scalar.style == .doubleQuoted
    }

    /// A string: any scalar's text.
    func string() -> String? {
        scalarText(expected: "a string")
    }

    /// A whole number (digit separators `_` allowed).
    func int() -> Int? {
        guard let text = scalarText(expected: "an integer") else { return nil }
        let digits = text.trimmingWhitespace().replacingUnderscores()
        if let value = Int(digits) { return value }
        if let number = Double(digits), number.isFinite {
            report("expected an integer, found \(text)")
        } else {
            report("expected an integer, found '\(text)'")
        }
        return nil
    }

    /// A non-negative whole number up to 2⁶⁴ − 1 (seeds).
    func uint64() -> UInt64? {
        guard let text = scalarText(expected: "a non-negative integer") else { return nil }
        guard let value = UInt64(text.trimmingWhitespace().replacingUnderscores()) else {
            report("expected a non-negative integer, found '\(text)'")
            return nil
        }
        return value
    }

    /// A finite number; integers are accepted.
    func double() -> Double? {
        guard let text = scalarText(expected: "a number") else { return nil }
        let trimmed = text.trimmingWhitespace()
        if let value = Double(trimmed.replacingUnderscores()), value.isFinite { return value }
        if trimmed.hasSuffix("%"), Double(trimmed.dropLast().trimmingWhitespace()) != nil {
            report("expected a number, found '\(text)' (write fractions as 0–1, e.g. 0.63 for 63 %)")
        } else {
            report("expected a number, found '\(text)'")
        }
        return nil
    }

    /// A boolean: `true`/`false` (also `yes`/`no`, `on`/`off`, any case).
    func bool() -> Bool? {
        guard let text = scalarText(expected: "true or false") else { return nil }
        switch text.trimmingWhitespace().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            report("expected true or false, found '\(text)'")
            return nil
        }
    }

    /// A duration such as `5m` (see ``DurationValue/parse(_:)``).
    func duration() -> DurationValue? {
        guard let text = scalarText(expected: "a duration (e.g. 5m)") else { return nil }
        switch DurationValue.parse(text) {
        case .success(let value): return value
        case .failure(let error):
            report(error.message)
            return nil
        }
    }

    /// An ISO-8601 UTC timestamp.
    func timestamp() -> Timestamp? {
        guard let text = scalarText(expected: "a timestamp") else { return nil }
        guard let value = Timestamp(parsing: text) else {
            report("expected an ISO-8601 UTC timestamp like 2026-01-05T00:00:00Z, found '\(text)'")
            return nil
        }
        return value
    }

    /// One of an enum's words; an unknown word lists the valid ones.
    func enumValue<E: SpecEnum>(_ type: E.Type) -> E? {
        guard let text = scalarText(expected: "one of " + E.validNames.joined(separator: ", ")) else { return nil }
        if let value = E(rawValue: text.trimmingWhitespace()) { return value }
        report("unknown value '\(text)'\(KeySuggestion.hint(for: text, in: E.validNames))"
               + " (valid: \(E.validNames.joined(separator: ", ")))")
        return nil
    }

    /// The scalar as a ``ScalarValue`` (text and quoting kept).
    func scalarValue() -> ScalarValue? {
        guard let text = scalarText(expected: "a single value") else { return nil }
        return ScalarValue(text, quoted: isQuoted)
    }

    /// A list, each element read by `element`; elements that fail are left out (after their issue).
    func list<T>(_ element: (NodeReader) -> T?) -> [T]? {
        guard case .sequence(let sequence) = node else {
            report("expected a list, found \(node.shortDescription)")
            return nil
        }
        var values: [T] = []
        values.reserveCapacity(sequence.count)
        for (position, item) in sequence.enumerated() {
            let reader = NodeReader(node: item, path: path.index(position), reporter: reporter)
            if item.isNull {
                reader.report("empty list element")
            } else if let value = element(reader) {
                values.append(value)
            }
        }
        return values
    }

    /// A list of strings.
    func stringList() -> [String]? {
        list { $0.string() }
    }

    /// Reads the node as a mapping with `body`, whose reader's `Key` gives the valid keys; unknown
    /// keys are then reported.
    func mapping<Key, T>(_ body: (MappingReader<Key>) -> T) -> T? {
        guard let reader = MappingReader<Key>(self) else { return nil }
        let value = body(reader)
        reader.finish()
        return value
    }
}

/// A closed set of snake_case words in a scenario file (`fully_automated`, `anti_affinity`); an
/// unknown word is reported with the valid ones and the closest match.
public protocol SpecEnum: RawRepresentable, CaseIterable, Codable, Hashable, Sendable where RawValue == String {}

extension SpecEnum {
    /// The valid words, in declaration order.
    static var validNames: [String] { allCases.map(\.rawValue) }
}
