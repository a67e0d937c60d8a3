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
