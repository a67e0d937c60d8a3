import Yams

/// Refuses hostile or absurd documents before any heavy work (DESIGN §9): files over 64 MiB,
/// nesting deeper than 200 levels (a stack-overflow risk in a recursive parser), aliases used as
/// mapping keys (their hashing is exponential in an alias bomb), and documents that expand to more
/// than 2,000,000 nodes once aliases are followed (a "billion laughs" bomb).
enum DocumentGuard {
    /// Largest accepted file.
    static let maximumBytes = 64 * 1_024 * 1_024
    /// Deepest accepted nesting, by a conservative estimate made on the text.
    static let maximumDepth = 200
    /// Largest accepted document, in nodes after alias expansion.
    static let maximumNodes = 2_000_000

    /// A problem found on the raw text, with its 1-based line.
    struct Problem: Equatable {
        var line: Int?
        var message: String
    }

    /// Checks size, nesting and alias keys on the raw text, in one linear pass.
    static func check(text: String) -> Problem? {
        let bytes = text.utf8
        if bytes.count > maximumBytes {
            return Problem(line: nil, message: "the file is \(bytes.count.groupedDigits) bytes; the limit is "
                           + "\(maximumBytes.groupedDigits) (64 MiB)")
        }
        var scanner = NestingScanner()
        for byte in bytes {
            if let problem = scanner.feed(byte) { return problem }
        }
        return nil
    }

    /// Counts the nodes of `root` with aliases expanded, stopping at the limit; true when within it.
    static func isWithinNodeLimit(_ root: Node) -> Bool {
        var budget = maximumNodes
        return consume(root, budget: &budget)
    }

    private static func consume(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias:
            return true
        case .mapping(let mapping):
            for pair in mapping {
                guard consume(pair.key, budget: &budget), consume(pair.value, budget: &budget) else { return false }
            }
            return true
        case .sequence(let sequence):
            for item in sequence {
                guard consume(item, budget: &budget) else { return false }
            }
            return true
        }
    }
}

/// A byte-level scan bounding the nesting depth from above: per line, the indentation plus the
/// `- `/`? ` block indicators, plus open flow brackets. Quoted text and comments are skipped.
private struct NestingScanner {
    private var line = 1
    private var atLineStart = true
    private var lineDepth = 0
    private var flowDepth = 0
    private var previousSignificant: UInt8 = UInt8(ascii: "\n")
    private var previousByte: UInt8 = UInt8(ascii: "\n")
    private var quote: UInt8?
    private var escaped = false
    private var inComment = false
    private var aliasStart = false
    private var aliasPending = false

    mutating func feed(_ byte: UInt8) -> DocumentGuard.Problem? {
        defer { previousByte = byte }
        if byte == UInt8(ascii: "\n") {
            line += 1
            atLineStart = true
            lineDepth = 0
            inComment = false
            aliasPending = false
            if quote == nil { previousSignificant = byte }
            return nil
        }
        if inComment { return nil }
        if let open = quote {
            if escaped { escaped = false } else if open == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") { escaped = true }
            else if byte == open { quote = nil; previousSignificant = byte }
            return nil
        }
        if atLineStart {
            if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "?") {
                lineDepth += 1
                if lineDepth + flowDepth > DocumentGuard.maximumDepth { return tooDeep() }
                if byte != UInt8(ascii: " ") { previousSignificant = byte }
                return nil
            }
            atLineStart = false
        }
        return significant(byte)
    }

    private mutating func significant(_ byte: UInt8) -> DocumentGuard.Problem? {
        let space = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
        let afterSpace = previousByte == UInt8(ascii: " ") || previousByte == UInt8(ascii: "\t")
            || previousByte == UInt8(ascii: "\n")
        if byte == UInt8(ascii: "#"), afterSpace { inComment = true; return nil }
        if space { return nil }
        if aliasStart {
            aliasStart = false
            aliasPending = true
        }
        if aliasPending, byte == UInt8(ascii: ":") {
            return DocumentGuard.Problem(line: line, message: "aliases (*name) cannot be used as mapping keys")
        }
        if aliasPending, ",]}".utf8.contains(byte) { aliasPending = false }
        let tokenStart = ":[{,-?\n".utf8.contains(previousSignificant)
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            if tokenStart { quote = byte }
        case UInt8(ascii: "["), UInt8(ascii: "{"):
            if tokenStart {
                flowDepth += 1
                if lineDepth + flowDepth > DocumentGuard.maximumDepth { return tooDeep() }
            }
        case UInt8(ascii: "]"), UInt8(ascii: "}"):
            flowDepth = max(0, flowDepth - 1)
        case UInt8(ascii: "*"):
            if tokenStart, previousSignificant == UInt8(ascii: "?") || previousSignificant == UInt8(ascii: "\n")
                || previousSignificant == UInt8(ascii: "{") || previousSignificant == UInt8(ascii: ",")
                || previousSignificant == UInt8(ascii: "-") {
                aliasStart = true
            }
        default:
            break
        }
        previousSignificant = byte
        return nil
    }

    private func tooDeep() -> DocumentGuard.Problem {
        DocumentGuard.Problem(line: line, message: "nesting deeper than \(DocumentGuard.maximumDepth) levels")
    }
}
