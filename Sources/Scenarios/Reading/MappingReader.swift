import Yams

/// Reads a YAML mapping key by key. Every key a spec asks for becomes a valid key; ``finish()``
/// then reports each key of the mapping that nobody asked for as unknown, with the closest valid
/// key and the full list (typos must not pass silently, DESIGN §5).
///
/// A key whose value is null (`drs:` or `drs: ~`) counts as absent, so its default applies.
final class MappingReader {
    /// The mapping node being read.
    let reader: NodeReader
    private let pairs: [(name: String?, key: Node, value: Node)]
    /// The keys asked for so far, in the order asked (the order shown in messages).
    private(set) var validKeys: [String] = []

    /// Reads `reader`'s node as a mapping; nil (after an issue) for a scalar or a list.
    init?(_ reader: NodeReader) {
        guard case .mapping = reader.node else {
            reader.report("expected a mapping (key: value), found \(reader.node.shortDescription)")
            return nil
        }
        self.reader = reader
        self.pairs = reader.node.flattenedPairs()
        for pair in pairs where pair.name == nil {
            reader.reporter.report("keys must be plain names, found \(pair.key.shortDescription)",
                                   at: reader.path, node: pair.key)
        }
    }

    /// The mapping's key path.
    var path: SpecPath { reader.path }

    /// Reports `message` at the mapping itself.
    func report(_ message: String) {
        reader.report(message)
    }

    /// Registers `key` as valid and returns its value's reader, or nil when absent or null.
    func node(_ key: String) -> NodeReader? {
        if !validKeys.contains(key) { validKeys.append(key) }
        guard let pair = pairs.first(where: { $0.name == key }), !pair.value.isNull else { return nil }
        return NodeReader(node: pair.value, path: path.key(key), reporter: reader.reporter)
    }

    /// True when `key` is present with a non-null value (registers `key` as valid).
    func contains(_ key: String) -> Bool {
        node(key) != nil
    }

    /// Reads `key` with `read`; when absent, reports "missing required key" at the mapping's line.
    func required<T>(_ key: String, _ read: (NodeReader) -> T?) -> T? {
        guard let value = node(key) else {
            reader.reporter.report("missing required key '\(key)'", at: path.key(key), node: reader.node)
            return nil
        }
        return read(value)
    }

    func string(_ key: String) -> String? { node(key)?.string() }
    func int(_ key: String) -> Int? { node(key)?.int() }
    func uint64(_ key: String) -> UInt64? { node(key)?.uint64() }
    func double(_ key: String) -> Double? { node(key)?.double() }
    func bool(_ key: String) -> Bool? { node(key)?.bool() }
    func duration(_ key: String) -> DurationValue? { node(key)?.duration() }
    func timestamp(_ key: String) -> Timestamp? { node(key)?.timestamp() }
    func stringList(_ key: String) -> [String]? { node(key)?.stringList() }
    func enumValue<E: SpecEnum>(_ key: String, _ type: E.Type) -> E? { node(key)?.enumValue(type) }

    /// A list under `key`, each element read by `element`.
    func list<T>(_ key: String, _ element: (NodeReader) -> T?) -> [T]? {
        node(key)?.list(element)
    }

    /// A nested mapping under `key`, read by `body` (which must read every valid key).
    func mapping<T>(_ key: String, _ body: (MappingReader) -> T) -> T? {
        node(key)?.mapping(body)
    }

    /// Every entry of a mapping whose keys are names chosen by the user (`host_groups`, sweep
    /// axes), in file order; null values are included. Marks all keys as valid.
    func entries() -> [(name: String, key: Node, value: NodeReader)] {
        pairs.compactMap { pair in
            guard let name = pair.name else { return nil }
            if !validKeys.contains(name) { validKeys.append(name) }
            return (name, pair.key, NodeReader(node: pair.value, path: path.key(name), reporter: reader.reporter))
        }
    }

    /// Reports every key that was not asked for as unknown.
    func finish() {
        for pair in pairs {
            guard let name = pair.name, !validKeys.contains(name) else { continue }
            let hint = KeySuggestion.hint(for: name, in: validKeys)
            reader.reporter.report("unknown key '\(name)'\(hint) (valid: \(validKeys.joined(separator: ", ")))",
                                   at: path.key(name), node: pair.key)
        }
    }
}
