/// Memory shares of a VM (docs/model.md "Memory"): they weigh ballooning under memory pressure. `high`,
/// `normal` and `low` are 20, 10 and 5 shares per MB of configured memory (vSphere); an integer
/// gives custom shares per MB.
public enum MemorySharesSpec: Codable, Hashable, Sendable, CustomStringConvertible {
    case high, normal, low
    /// Custom shares per MB of configured memory (> 0).
    case custom(Int)

    /// Shares per MB of configured memory.
    public var perMB: Int {
        switch self {
        case .high: return 20
        case .normal: return 10
        case .low: return 5
        case .custom(let value): return value
        }
    }

    /// `high`, `normal`, `low` or the number.
    public var description: String {
        switch self {
        case .high: return "high"
        case .normal: return "normal"
        case .low: return "low"
        case .custom(let value): return String(value)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .custom(value)
            return
        }
        let text = try container.decode(String.self)
        switch text {
        case "high": self = .high
        case "normal": self = .normal
        case "low": self = .low
        default: throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown memory shares '\(text)'")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if case .custom(let value) = self {
            try container.encode(value)
        } else {
            try container.encode(description)
        }
    }
}

extension MemorySharesSpec {
    /// Reads `memory_shares:` (a level name or an integer per MB).
    static func read(_ reader: NodeReader) -> MemorySharesSpec? {
        guard let text = reader.scalarText(expected: "high, normal, low or shares per MB") else { return nil }
        let trimmed = text.trimmingWhitespace()
        switch trimmed {
        case "high": return .high
        case "normal": return .normal
        case "low": return .low
        default: break
        }
        if let value = Int(trimmed) { return .custom(value) }
        let valid = ["high", "normal", "low"]
        reader.report("unknown memory shares '\(text)'\(KeySuggestion.hint(for: text, in: valid))"
                      + " (valid: high, normal, low, or an integer number of shares per MB)")
        return nil
    }
}
