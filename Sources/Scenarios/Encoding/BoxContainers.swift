/// The keyed container of ``BoxEncoder``: a mapping, keys in encoding order.
struct KeyedBoxContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: NodeBox
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {
        box.keyed(key.stringValue).content = .empty
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try ScalarWriter.write(value, into: box.keyed(key.stringValue), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                        forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
        let child = box.keyed(key.stringValue)
        child.ensureMapping()
        return KeyedEncodingContainer(KeyedBoxContainer<NestedKey>(box: child, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let child = box.keyed(key.stringValue)
        child.ensureSequence()
        return UnkeyedBoxContainer(box: child, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> any Encoder {
        BoxEncoder(box: box.keyed("super"), codingPath: codingPath)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        BoxEncoder(box: box.keyed(key.stringValue), codingPath: codingPath + [key])
    }
}

/// A coding key chosen at run time (group names, sweep axis paths).
struct DynamicKey: CodingKey, Hashable {
    let stringValue: String
    var intValue: Int? { nil }

    init(_ name: String) {
        stringValue = name
    }

    init?(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        return nil
    }
}

/// The unkeyed container of ``BoxEncoder``: a sequence.
struct UnkeyedBoxContainer: UnkeyedEncodingContainer {
    let box: NodeBox
    let codingPath: [any CodingKey]

    var count: Int {
        if case .sequence(let items) = box.content { return items.count }
        return 0
    }

    mutating func encodeNil() throws {
        box.appended().content = .empty
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try ScalarWriter.write(value, into: box.appended(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let child = box.appended()
        child.ensureMapping()
        return KeyedEncodingContainer(KeyedBoxContainer<NestedKey>(box: child, codingPath: codingPath))
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let child = box.appended()
        child.ensureSequence()
        return UnkeyedBoxContainer(box: child, codingPath: codingPath)
    }

    mutating func superEncoder() -> any Encoder {
        BoxEncoder(box: box.appended(), codingPath: codingPath)
    }
}

/// The single-value container of ``BoxEncoder``: a scalar or a nested value.
struct SingleBoxContainer: SingleValueEncodingContainer {
    let box: NodeBox
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {
        box.content = .empty
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try ScalarWriter.write(value, into: box, codingPath: codingPath)
    }
}
