import Yams

/// Collects ``ValidationIssue``s while a scenario is read and validated, and works out where each
/// one is: the node's own line when it has one, else the deepest existing ancestor of its key path
/// in the document, else the override (`--set`, sweep axis) that created that part of the document.
final class IssueReporter {
    /// The scenario file's name, used for issues located in the document.
    let file: String
    /// The document (after overrides), used to locate issues reported by key path.
    var root: Node?
    /// The overrides applied to the document, in application order.
    var overrides: [AppliedOverride] = []
    /// One recorded issue: its path, the issue, and the index in ``overrides`` of the override it
    /// was attributed to, if any.
    struct Entry {
        var path: SpecPath
        var issue: ValidationIssue
        var overrideIndex: Int?
    }

    /// Issues found while reading (types, keys, enums); their paths shield later semantic checks.
    private(set) var readingIssues: [Entry] = []
    /// Issues found by semantic validation.
    private(set) var semanticIssues: [Entry] = []
    /// True while semantic validation runs (issues go to ``semanticIssues``).
    var inSemanticPhase = false

    init(file: String, root: Node? = nil) {
        self.file = file
        self.root = root
    }

    /// Records an issue at `path`; `node`, when given, is the offending node (its line is used).
    func report(_ message: String, at path: SpecPath, node: Node? = nil) {
        let located = locate(path, node: node)
        let issue = ValidationIssue(file: located.file, keyPath: path.description,
                                    line: located.line, column: located.column,
                                    message: message + located.note)
        let entry = Entry(path: path, issue: issue, overrideIndex: located.overrideIndex)
        if inSemanticPhase {
            semanticIssues.append(entry)
        } else {
            readingIssues.append(entry)
        }
    }

    /// Records an issue found elsewhere (a trial application of a sweep axis) as a reading issue.
    func record(_ issue: ValidationIssue, at path: SpecPath) {
        readingIssues.append(Entry(path: path, issue: issue, overrideIndex: nil))
    }

    /// All issues, ordered by position, without duplicates. A semantic issue is dropped when a
    /// reading issue already covers its path (same path, an ancestor, or a direct child): a key
    /// that could not be read must not also be reported as, say, "must be ≥ 1".
    var issues: [ValidationIssue] {
        Self.ordered(Self.deduplicated(entries), mainFile: file)
    }

    /// The kept entries (reading issues, then the semantic issues not shielded by them).
    var entries: [Entry] {
        let shielding = readingIssues.map(\.path)
        let kept = semanticIssues.filter { candidate in
            !shielding.contains { reading in
                reading.isPrefix(of: candidate.path) || candidate.path == reading.parent
            }
        }
        return readingIssues + kept
    }

    /// The issues of `entries` without repeats, in discovery order.
    static func deduplicated(_ entries: [Entry]) -> [ValidationIssue] {
        var seen = Set<ValidationIssue>()
        return entries.map(\.issue).filter { seen.insert($0).inserted }
    }

    /// Issues sorted by (override issues first, line, column), keeping discovery order for ties.
    static func ordered(_ issues: [ValidationIssue], mainFile: String) -> [ValidationIssue] {
        issues.enumerated().sorted { lhs, rhs in
            let left = (lhs.element.file == mainFile ? 1 : 0, lhs.element.line ?? 0, lhs.element.column ?? 0, lhs.offset)
            let right = (rhs.element.file == mainFile ? 1 : 0, rhs.element.line ?? 0, rhs.element.column ?? 0, rhs.offset)
            return left < right
        }.map(\.element)
    }

    private func locate(_ path: SpecPath, node: Node?)
        -> (file: String, line: Int?, column: Int?, note: String, overrideIndex: Int?) {
        let target = node ?? root?.deepestNode(along: path)
        if let mark = target?.mark {
            return (file, mark.line, mark.column, "", nil)
        }
        if let index = overrides.lastIndex(where: { $0.path.isPrefix(of: path) || path.isPrefix(of: $0.path) }) {
            let origin = overrides[index].origin
            return (origin.file, origin.line, origin.column, " (from \(origin.label))", index)
        }
        return (file, nil, nil, "", nil)
    }
}
