/// Every problem found while loading a scenario, reported together (DESIGN §5, §9).
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
