import Yams

/// Reads a YAML mapping key by key. The valid keys are the cases of `Key`, the block's one
/// `CodingKeys` enum (which also names the keys of the resolved file), in declaration order;
/// ``finish()`` reports each other key of the mapping as unknown, with the closest valid key and
/// the full list (typos must not pass silently, docs/scenario-format.md).
///
/// A key whose value is null (`drs:` or `drs: ~`) counts as absent, so its default applies.
final class MappingReader<Key: CodingKey & CaseIterable> {
    /// The mapping node being read.
    let reader: NodeReader
    private let pairs: [(name: String?, key: Node, value: Node)]
    /// The valid keys: `Key`'s cases, plus the user-chosen names of ``entries()``.
    private(set) var validKeys: [String] = Key.allCases.map(\.stringValue)

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

    /// The reader of `key`'s value, or nil when absent or null.
    func node(_ key: Key) -> NodeReader? {
        let name = key.stringValue
        guard let pair = pairs.first(where: { $0.name == name }), !pair.value.isNull else { return nil }
        return NodeReader(node: pair.value, path: path.key(name), reporter: reader.reporter)
    }

    /// True when `key` is present with a non-null value.
    func contains(_ key: Key) -> Bool {
        node(key) != nil
    }

    /// Reads `key` with `read`; when absent, reports "missing required key" at the mapping's line.
    func required<T>(_ key: Key, _ read: (NodeReader) -> T?) -> T? {
        guard let value = node(key) else {
            reader.reporter.report("missing required key '\(key.stringValue)'", at: path.key(key.stringValue),
                                   node: reader.node)
            return nil
        }
        return read(value)
    }

    func string(_ key: Key) -> String? { node(key)?.string() }
    func int(_ key: Key) -> Int? { node(key)?.int() }
    func uint64(_ key: Key) -> UInt64? { node(key)?.uint64() }
    func double(_ key: Key) -> Double? { node(key)?.double() }
    func bool(_ key: Key) -> Bool? { node(key)?.bool() }
    func duration(_ key: Key) -> DurationValue? { node(key)?.duration() }
    func timestamp(_ key: Key) -> Timestamp? { node(key)?.timestamp() }
    func stringList(_ key: Key) -> [String]? { node(key)?.stringList() }
    func enumValue<E: SpecEnum>(_ key: Key, _ type: E.Type) -> E? { node(key)?.enumValue(type) }

    /// A list under `key`, each element read by `element`.
    func list<T>(_ key: Key, _ element: (NodeReader) -> T?) -> [T]? {
        node(key)?.list(element)
    }

    /// A nested mapping under `key`, read by `body` with the keys `Sub`.
    func mapping<Sub, T>(_ key: Key, _ body: (MappingReader<Sub>) -> T) -> T? {
        node(key)?.mapping(body)
    }

    /// Every entry of a mapping whose keys are names chosen by the user (`host_groups`, sweep
    /// axes; `Key` is then ``NamedEntries``), in file order; null values are included. Marks all
    /// keys as valid.
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

/// The keys of a mapping whose keys are names chosen by the user (read with
/// ``MappingReader/entries()``): no fixed key.
enum NamedEntries: CodingKey, CaseIterable {
    var stringValue: String { switch self {} }
    var intValue: Int? { nil }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { nil }
}
