/// CPU shares of a VM (docs/model.md "Contention and unmet demand"): they arbitrate only under
/// contention. `high`, `normal` and `low` are 2000, 1000 and 500 shares per vCPU (vSphere); an integer gives custom shares per vCPU.
public enum SharesSpec: Codable, Hashable, Sendable, CustomStringConvertible {
    case high, normal, low
    /// Custom shares per vCPU (> 0).
    case custom(Int)

    /// Shares per vCPU.
    public var perVCPU: Int {
        switch self {
        case .high: return 2_000
        case .normal: return 1_000
        case .low: return 500
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
        guard let level = Self.level(named: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown shares '\(text)'")
        }
        self = level
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if case .custom(let value) = self {
            try container.encode(value)
        } else {
            try container.encode(description)
        }
    }

    static func level(named text: String) -> SharesSpec? {
        switch text {
        case "high": return .high
        case "normal": return .normal
        case "low": return .low
        default: return nil
        }
    }
}

extension SharesSpec {
    /// Reads `shares:` (a level name or an integer per vCPU).
    static func read(_ reader: NodeReader) -> SharesSpec? {
        guard let text = reader.scalarText(expected: "high, normal, low or shares per vCPU") else { return nil }
        if let level = level(named: text.trimmingWhitespace()) { return level }
        if let value = Int(text.trimmingWhitespace()) { return .custom(value) }
        let valid = ["high", "normal", "low"]
        reader.report("unknown shares '\(text)'\(KeySuggestion.hint(for: text, in: valid))"
                      + " (valid: high, normal, low, or an integer number of shares per vCPU)")
        return nil
    }
}
