import Yams

/// Applies overrides to a YAML document (docs/sweeps.md). New nodes carry no line marks, which is how
/// the ``IssueReporter`` recognizes the parts of the document an override wrote.
enum NodeEditor {
    /// The list keys whose elements can also be selected by `profile` when they have no `name`.
    private static let profileSelectable: Set<String> = ["hosts", "vms"]
    /// The list step that selects every element (`vm_profiles.*.workload.cpu.mean=0.4`).
    static let wildcard = "*"

    /// Reads `text` as a YAML value (scalar or flow collection) without line marks. The value
    /// passes the same ``DocumentGuard`` as a file (size, nesting, alias keys, node count), so an
    /// alias bomb given on the command line is refused like one in a file.
    static func valueNode(_ text: String) -> Result<Node, OverrideError> {
        if let problem = DocumentGuard.check(text: text) {
            return .failure(OverrideError(message: "value refused: \(problem.message)"))
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { return .success(Node("", Tag(.null), .plain)) }
            guard DocumentGuard.isWithinNodeLimit(node) else {
                return .failure(OverrideError(message: "value refused: it has more than "
                                              + "\(DocumentGuard.maximumNodes.groupedDigits) nodes once aliases are expanded"))
            }
            return .success(unmarked(node))
        } catch {
            return .failure(OverrideError(message: "cannot read value '\(text)' as YAML"))
        }
    }

    /// The node of a sweep value: a scalar, quoted if it was quoted.
    static func valueNode(_ value: ScalarValue) -> Node {
        Node(value.text, Tag(.implicit), value.quoted ? .doubleQuoted : .plain)
    }

    /// Sets `value` at `path` in `root`; returns the new document and the path with list steps as
    /// indices (for locating issues).
    static func apply(_ path: OverridePath, value: Node, to root: Node) -> Result<(Node, SpecPath), OverrideError> {
        var resolved = SpecPath.root
        return setting(value, steps: path.steps[...], in: root, resolved: &resolved, parentKey: nil)
            .map { ($0, resolved) }
    }

    private static func setting(_ value: Node, steps: ArraySlice<String>, in node: Node, resolved: inout SpecPath,
                                parentKey: String?) -> Result<Node, OverrideError> {
        guard let step = steps.first else { return .success(value) }
        let rest = steps.dropFirst()
        switch node {
        case .mapping(let mapping):
            resolved = resolved.key(step)
            let current = node.value(forKey: step) ?? Node([(Node, Node)]())
            let next = current.isNull && !rest.isEmpty ? Node([(Node, Node)]()) : current
            return setting(value, steps: rest, in: next, resolved: &resolved, parentKey: step).map { updated in
                var pairs = mapping.map { ($0.key, $0.value) }
                if let index = pairs.firstIndex(where: { !$0.0.isMergeKey && $0.0.scalar?.string == step }) {
                    pairs[index].1 = updated
                } else {
                    pairs.append((Node(step), updated))
                }
                return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
            }
        case .sequence(let sequence) where step == wildcard:
            // `*` selects every element of the list: the rest of the path is set in each.
            guard !sequence.isEmpty else {
                return .failure(OverrideError(message: "'*' matches no element: \(parentKey ?? "the list") is empty"))
            }
            var nodes: [Node] = []
            var first: SpecPath?
            for (index, element) in sequence.enumerated() {
                var elementPath = resolved.index(index)
                switch setting(value, steps: rest, in: element, resolved: &elementPath, parentKey: nil) {
                case .success(let updated): nodes.append(updated)
                case .failure(let error): return .failure(error)
                }
                if first == nil { first = elementPath }
            }
            resolved = first ?? resolved
            return .success(.sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark)))
        case .sequence(let sequence):
            let index: Int
            switch elementIndex(step, in: sequence, listKey: parentKey) {
            case .success(let found): index = found
            case .failure(let error): return .failure(error)
            }
            resolved = resolved.index(index)
            return setting(value, steps: rest, in: sequence[index], resolved: &resolved, parentKey: nil).map { updated in
                var nodes = Array(sequence)
                nodes[index] = updated
                return .sequence(Node.Sequence(nodes, sequence.tag, sequence.style, sequence.mark))
            }
        case .scalar where node.isNull:
            return setting(value, steps: steps, in: Node([(Node, Node)]()), resolved: &resolved, parentKey: parentKey)
        case .scalar, .alias:
            let at = resolved.components.isEmpty ? "the top level" : "'\(resolved)'"
            return .failure(OverrideError(message: "cannot set '\(step)' inside \(at): it holds a single value, not a mapping"))
        }
    }

    /// The element of a list selected by `step`: by `name`, else (host and VM entries) by
    /// `profile`, else by 0-based index.
    private static func elementIndex(_ step: String, in sequence: Node.Sequence, listKey: String?) -> Result<Int, OverrideError> {
        let elements = Array(sequence)
        let byName = elements.indices.filter { elements[$0].value(forKey: "name")?.scalar?.string == step }
        if byName.count == 1 { return .success(byName[0]) }
        let list = listKey ?? "list"
        if byName.count > 1 { return .failure(OverrideError(message: "several elements of \(list) are named '\(step)'")) }
        if let key = listKey, profileSelectable.contains(key) {
            let byProfile = elements.indices.filter {
                elements[$0].value(forKey: "name") == nil && elements[$0].value(forKey: "profile")?.scalar?.string == step
            }
            if byProfile.count == 1 { return .success(byProfile[0]) }
            if byProfile.count > 1 {
                return .failure(OverrideError(message: "several entries of \(key) use profile '\(step)'; select one by index"))
            }
        }
        if let index = Int(step), elements.indices.contains(index) { return .success(index) }
        let names = elements.compactMap { $0.value(forKey: "name")?.scalar?.string }
        let known = names.isEmpty ? "" : " (names: \(names.joined(separator: ", ")))"
        return .failure(OverrideError(message: "no element of \(list) is named '\(step)'\(known)"))
    }

    /// A copy of `node` without line marks or anchors.
    static func unmarked(_ node: Node) -> Node {
        switch node {
        case .scalar(let scalar):
            return .scalar(Node.Scalar(scalar.string, scalar.tag, scalar.style))
        case .mapping(let mapping):
            return .mapping(Node.Mapping(mapping.map { (unmarked($0.key), unmarked($0.value)) }, mapping.tag, mapping.style))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map(unmarked), sequence.tag, sequence.style))
        case .alias:
            return node
        }
    }
}
