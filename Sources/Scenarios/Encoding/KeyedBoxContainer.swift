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
