import Foundation

extension ScenarioSpec {
    /// Every semantic issue of this spec (sizes, ranges, names, rules, events, sweep), with key
    /// paths but without line numbers (a spec built in code has no source). Trace files are checked
    /// when `baseDirectory` is given. ``ScenarioLoader`` runs the same checks with line numbers.
    public func validate(fileName: String = "scenario", baseDirectory: URL? = nil) -> [ValidationIssue] {
        let reporter = IssueReporter(file: fileName)
        SpecValidator(spec: self, reporter: reporter, baseDirectory: baseDirectory).run()
        return reporter.issues
    }
}
