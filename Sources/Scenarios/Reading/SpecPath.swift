/// The location of a value inside a scenario document: `clusters[0].hosts[1].count`.
///
/// Keys are joined with `.`; list elements are `[index]` (0-based); a key that contains `.`, `[`,
/// `]`, `"` or a space is written `["key"]`. The empty path is the document's top level.
public struct SpecPath: Hashable, Sendable, CustomStringConvertible {
    /// One step of a path.
    public enum Component: Hashable, Sendable {
        /// A mapping key.
        case key(String)
        /// A 0-based list index.
        case index(Int)
    }

    /// The steps from the document's top level.
    public var components: [Component]

    /// Creates a path from its steps.
    public init(_ components: [Component] = []) {
        self.components = components
    }

    /// The document's top level.
    public static let root = SpecPath()

    /// This path extended by a mapping key.
    public func key(_ name: String) -> SpecPath { SpecPath(components + [.key(name)]) }

    /// This path extended by a list index.
    public func index(_ position: Int) -> SpecPath { SpecPath(components + [.index(position)]) }

    /// The path without its last step (the root's parent is the root).
    public var parent: SpecPath { SpecPath(Array(components.dropLast())) }

    /// True when `self` is `other` or one of its ancestors.
    public func isPrefix(of other: SpecPath) -> Bool {
        components.count <= other.components.count && Array(other.components.prefix(components.count)) == components
    }

    /// The rendered path, `(top level)` for the root.
    public var description: String {
        guard !components.isEmpty else { return "(top level)" }
        var text = ""
        for component in components {
            switch component {
            case .index(let position):
                text += "[\(position)]"
            case .key(let name):
                if name.contains(where: { ".[]\" ".contains($0) }) || name.isEmpty {
                    text += "[\"\(name)\"]"
                } else {
                    text += text.isEmpty ? name : "." + name
                }
            }
        }
        return text
    }
}
