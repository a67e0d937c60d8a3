import Yams

/// Encodes an `Encodable` value into a Yams `Node`, keeping key order, writing numbers as people
/// do (`0.63`, not Yams' `6.3e-1`), quoting strings that would read back as another type (`'6.7'`),
/// and writing short lists of scalars in flow style (`[86, 89.4, …]`).
enum NodeEncoder {
    /// Lists of at most this many scalars are written in flow style.
    static let flowListLimit = 12

    /// The node for `value`.
    static func node<T: Encodable>(for value: T) throws -> Node {
        let box = NodeBox()
        try value.encode(to: BoxEncoder(box: box, codingPath: []))
        return box.node
    }
}

/// The `Encoder` writing into a ``NodeBox``.
struct BoxEncoder: Encoder {
    let box: NodeBox
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        box.ensureMapping()
        return KeyedEncodingContainer(KeyedBoxContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        box.ensureSequence()
        return UnkeyedBoxContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleBoxContainer(box: box, codingPath: codingPath)
    }
}
