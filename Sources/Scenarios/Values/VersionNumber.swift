/// A dotted version such as vSphere's `6.7` or `7.0.3`, compared component by component
/// (`6.10` > `6.7`; missing components count as 0).
public struct VersionNumber: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The numeric components, most significant first.
    public var components: [Int]

    /// Parses `major[.minor[.patch…]]`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.trimmingWhitespace().split(separator: ".", omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.count <= 4 else { return nil }
        var components: [Int] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(part) else { return nil }
            components.append(value)
        }
        self.components = components
    }

    /// `6.7`.
    public var description: String { components.map(String.init).joined(separator: ".") }

    public static func < (lhs: VersionNumber, rhs: VersionNumber) -> Bool {
        let count = max(lhs.components.count, rhs.components.count)
        for position in 0..<count {
            let left = position < lhs.components.count ? lhs.components[position] : 0
            let right = position < rhs.components.count ? rhs.components[position] : 0
            if left != right { return left < right }
        }
        return false
    }

    public static func == (lhs: VersionNumber, rhs: VersionNumber) -> Bool {
        !(lhs < rhs) && !(rhs < lhs)
    }

    public func hash(into hasher: inout Hasher) {
        var trimmed = components
        while trimmed.last == 0 { trimmed.removeLast() }
        hasher.combine(trimmed)
    }
}
