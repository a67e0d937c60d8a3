import Yams

extension Node {
    /// The key/value pairs of a mapping with YAML merge keys (`<<: *defaults`) applied: explicit keys
    /// win, earlier merge sources win over later ones, and merged pairs take the place of the `<<`
    /// key. Keys that are not scalars are kept with a nil name. Empty for a non-mapping node.
    func flattenedPairs() -> [(name: String?, key: Node, value: Node)] {
        guard case .mapping(let mapping) = self else { return [] }
        var explicit = Set<String>()
        for pair in mapping where !pair.key.isMergeKey {
            if let name = pair.key.scalar?.string { explicit.insert(name) }
        }
        var taken = explicit
        var result: [(name: String?, key: Node, value: Node)] = []
        for pair in mapping {
            guard pair.key.isMergeKey else {
                result.append((pair.key.scalar?.string, pair.key, pair.value))
                continue
            }
            let sources: [Node]
            switch pair.value {
            case .mapping: sources = [pair.value]
            case .sequence(let list): sources = list.filter { $0.mapping != nil }
            default: sources = []
            }
            for source in sources {
                for merged in source.flattenedPairs() {
                    guard let name = merged.name, !taken.contains(name) else { continue }
                    taken.insert(name)
                    result.append(merged)
                }
            }
        }
        return result
    }

    /// True for the plain `<<` key of a YAML merge.
    var isMergeKey: Bool {
        guard case .scalar(let scalar) = self else { return false }
        return scalar.string == "<<" && scalar.style != .singleQuoted && scalar.style != .doubleQuoted
    }

    /// The value stored under `key` in a mapping (merges included), or nil.
    func value(forKey key: String) -> Node? {
        flattenedPairs().first { $0.name == key }?.value
    }

    /// The node at `path`, or the deepest ancestor of it that exists.
    func deepestNode(along path: SpecPath) -> Node {
        var current = self
        for component in path.components {
            switch component {
            case .key(let name):
                guard let next = current.value(forKey: name) else { return current }
                current = next
            case .index(let position):
                guard case .sequence(let list) = current, list.indices.contains(position) else { return current }
                current = list[position]
            }
        }
        return current
    }

    /// True for a null scalar: empty, `~` or `null` written without quotes.
    var isNull: Bool {
        guard case .scalar(let scalar) = self else { return false }
        guard scalar.style != .singleQuoted, scalar.style != .doubleQuoted else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// A short description of the node for messages: `'text'`, `a mapping`, `a list`.
    var shortDescription: String {
        switch self {
        case .scalar(let scalar):
            let text = scalar.string.count > 40 ? String(scalar.string.prefix(40)) + "…" : scalar.string
            return "'\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}
