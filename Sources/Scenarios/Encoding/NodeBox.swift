import Yams

/// A node under construction.
final class NodeBox {
    enum Content {
        case empty
        case scalar(String, quotedIfTyped: Bool)
        case mapping([(String, NodeBox)])
        case sequence([NodeBox])
    }

    var content = Content.empty

    var node: Node {
        switch content {
        case .empty:
            return Node("null", Tag(.null), .plain)
        case .scalar(let text, let quotedIfTyped):
            return Node(text, Tag(.implicit), quotedIfTyped && Self.readsAsNonString(text) ? .singleQuoted : .any)
        case .mapping(let pairs):
            return Node(pairs.map { (Node($0.0, Tag(.implicit), Self.readsAsNonString($0.0) ? .singleQuoted : .any), $0.1.node) },
                        Tag(.implicit), .block)
        case .sequence(let items):
            let flow = items.count <= NodeEncoder.flowListLimit && items.allSatisfy {
                if case .scalar = $0.content { return true } else { return false }
            }
            return Node(items.map(\.node), Tag(.implicit), flow ? .flow : .block)
        }
    }

    /// True when YAML would read `text`, unquoted, as a boolean, number or null.
    static func readsAsNonString(_ text: String) -> Bool {
        let tag = Resolver.default.resolveTag(of: Node(text))
        return text.isEmpty || tag == .bool || tag == .int || tag == .float || tag == .null
    }

    func keyed(_ key: String) -> NodeBox {
        var pairs: [(String, NodeBox)]
        if case .mapping(let existing) = content { pairs = existing } else { pairs = [] }
        if let found = pairs.first(where: { $0.0 == key }) { return found.1 }
        let child = NodeBox()
        pairs.append((key, child))
        content = .mapping(pairs)
        return child
    }

    func appended() -> NodeBox {
        var items: [NodeBox]
        if case .sequence(let existing) = content { items = existing } else { items = [] }
        let child = NodeBox()
        items.append(child)
        content = .sequence(items)
        return child
    }

    func ensureMapping() {
        if case .mapping = content { return }
        content = .mapping([])
    }

    func ensureSequence() {
        if case .sequence = content { return }
        content = .sequence([])
    }
}
