import Yams

/// Refuses hostile or absurd documents before any heavy work (docs/reliability.md): files over 64 MiB,
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
