/// A byte-level scan bounding the nesting depth from above: per line, the indentation plus the
/// `- `/`? ` block indicators, plus open flow brackets. Quoted text and comments are skipped.
struct NestingScanner {
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
