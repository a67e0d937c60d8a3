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
