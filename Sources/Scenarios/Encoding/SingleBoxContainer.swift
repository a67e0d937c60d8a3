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
