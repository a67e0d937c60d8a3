/// A `--set PATH=VALUE` argument (docs/sweeps.md): the value replaces (or adds) the key at `PATH` in the
/// YAML document before it is read, exactly as if the file said so. `VALUE` is read as YAML
/// (`4`, `true`, `2d`, `"quoted text"`, even `[a, b]`); missing intermediate mappings are created.
public struct ScenarioOverride: Hashable, Sendable, CustomStringConvertible {
    /// The key path.
    public var path: OverridePath
    /// The value as written after the first `=`.
    public var valueText: String

    /// Creates an override.
    public init(path: OverridePath, valueText: String) {
        self.path = path
        self.valueText = valueText
    }

    /// Splits `PATH=VALUE` at the first `=` outside brackets and quotes.
    public static func parse(_ argument: String) -> Result<ScenarioOverride, OverrideError> {
        guard let separator = topLevelIndex(of: "=", in: argument) else {
            return .failure(OverrideError(message: "expected PATH=VALUE, got '\(argument)'"))
        }
        let pathText = String(argument[..<separator])
        let valueText = String(argument[argument.index(after: separator)...])
        return OverridePath.parse(pathText).map { ScenarioOverride(path: $0, valueText: valueText) }
    }

    /// `PATH=VALUE`.
    public var description: String { "\(path.text)=\(valueText)" }

    /// The values of a sweep axis given as `V1,V2,...`: split at commas outside brackets, braces
    /// and quotes, each trimmed. A value without a top-level comma is a single value.
    public static func splitValues(_ text: String) -> [String] {
        var values: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "[" || character == "{" {
                depth += 1
            } else if character == "]" || character == "}" {
                depth = max(0, depth - 1)
            } else if character == ",", depth == 0 {
                values.append(current.trimmingWhitespace())
                current = ""
                continue
            }
            current.append(character)
        }
        values.append(current.trimmingWhitespace())
        return values
    }

    /// The first `character` outside brackets and quotes.
    static func topLevelIndex(of target: Character, in text: String) -> String.Index? {
        var depth = 0
        var quote: Character?
        for index in text.indices {
            let character = text[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "[" {
                depth += 1
            } else if character == "]" {
                depth = max(0, depth - 1)
            } else if character == target, depth == 0 {
                return index
            }
        }
        return nil
    }
}

/// Where an override came from, so that issues it causes point at it: a `--set` argument (file
/// `--set`, no line) or a sweep axis (the scenario file, the axis's line).
struct OverrideOrigin: Hashable, Sendable {
    /// `--set`, or the scenario file's name for a sweep axis.
    var file: String
    /// The axis key's line, for a sweep axis.
    var line: Int?
    /// The axis key's column, for a sweep axis.
    var column: Int?
    /// How the override is named in messages, e.g. `--set drs.threshold=9`.
    var label: String
}

/// An override after it was applied: the key path it changed, with list elements as indices.
struct AppliedOverride: Hashable, Sendable {
    /// The changed value's path in the document (`clusters[0].dpm.enabled`).
    var path: SpecPath
    /// Where the override came from.
    var origin: OverrideOrigin
}

/// Why an override or a sweep axis could not be parsed or applied.
public struct OverrideError: Error, Equatable, Sendable {
    /// A one-line explanation.
    public let message: String
}
