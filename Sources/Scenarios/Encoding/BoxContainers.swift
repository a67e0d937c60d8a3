/// Writes one scalar into a ``NodeBox``; shared by the three container kinds.
enum ScalarWriter {
    static func write<T: Encodable>(_ value: T, into box: NodeBox, codingPath: [any CodingKey]) throws {
        switch value {
        case let flag as Bool: box.content = .scalar(flag ? "true" : "false", quotedIfTyped: false)
        case let text as String: box.content = .scalar(text, quotedIfTyped: true)
        case let number as Double: box.content = .scalar(format(number), quotedIfTyped: false)
        case let number as Float: box.content = .scalar(format(Double(number)), quotedIfTyped: false)
        case let number as any BinaryInteger: box.content = .scalar(String(describing: number), quotedIfTyped: false)
        default: try value.encode(to: BoxEncoder(box: box, codingPath: codingPath))
        }
    }

    /// Shortest round-tripping decimal text; integral values without a fraction (`768`, not `768.0`).
    static func format(_ number: Double) -> String {
        guard number.isFinite else { return number.isNaN ? ".nan" : (number > 0 ? ".inf" : "-.inf") }
        if number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        return String(number)
    }
}

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
