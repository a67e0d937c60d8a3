/// One problem found in a scenario: where it is (file, key path, line, column) and what is wrong.
///
/// ``description`` is `FILE:LINE:COL: KEYPATH: MESSAGE` (the form compilers use, so editors can jump
/// to it); without a line (a `--set` override) it is `FILE: KEYPATH: MESSAGE`.
public struct ValidationIssue: Error, Hashable, Sendable, CustomStringConvertible {
    /// The scenario file's name as given to the loader, or `--set` for a command-line override.
    public var file: String
    /// The key path, e.g. `clusters[0].hosts[1].count`.
    public var keyPath: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column (in Unicode scalars), when known.
    public var column: Int?
    /// What is wrong, with the valid choices or a hint where one helps.
    public var message: String

    /// Creates an issue. Control characters of the file name, key path and message (values
    /// echoed from the input) are escaped (``TerminalText``), so printing an issue is safe.
    public init(file: String, keyPath: String, line: Int?, column: Int?, message: String) {
        self.file = TerminalText.escaped(file)
        self.keyPath = TerminalText.escaped(keyPath)
        self.line = line
        self.column = column
        self.message = TerminalText.escaped(message)
    }

    /// `FILE:LINE:COL: KEYPATH: MESSAGE`.
    public var description: String {
        var location = file
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(keyPath): \(message)"
    }
}

/// Every problem found while loading a scenario, reported together (docs/scenario-format.md, docs/reliability.md).
///
/// Thrown by ``ScenarioLoader``; the command-line tool prints ``description`` (one issue per line,
/// in file order) and exits with code 2.
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible {
    /// The issues, ordered by file position (command-line overrides first).
    public var issues: [ValidationIssue]

    /// Creates the error from its issues.
    public init(issues: [ValidationIssue]) {
        self.issues = issues
    }

    /// One issue per line.
    public var description: String {
        issues.map(\.description).joined(separator: "\n")
    }
}
