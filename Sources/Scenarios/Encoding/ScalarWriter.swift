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
