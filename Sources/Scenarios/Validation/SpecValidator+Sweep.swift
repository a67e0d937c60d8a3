extension SpecValidator {
    /// Upper bound on configurations × replications of one sweep.
    static let maximumSweepRuns = 1_000_000

    /// The `sweep:` block's own shape: axis paths, non-empty axes, baseline values that exist,
    /// replications, size. (Whether an axis names a key of the schema is checked by applying it,
    /// in ``ScenarioLoader``.)
    func checkSweepBlock() {
        guard let sweep = spec.sweep else { return }
        let path = SpecPath.root.key("sweep")
        require(sweep.replications >= 1, "replications must be at least 1 (got \(sweep.replications))",
                at: path.key("replications"))
        var runs = max(1, sweep.replications)
        var overflow = false
        for axis in sweep.axes {
            let axisPath = path.key("axes").key(axis.path)
            switch OverridePath.parse(axis.path) {
            case .failure(let error):
                report(error.message, at: axisPath)
            case .success(let parsed):
                if parsed.steps.first == "sweep" || parsed.steps.first == "schema_version" {
                    report("a sweep axis cannot change '\(parsed.steps[0])'", at: axisPath)
                }
            }
            require(!axis.values.isEmpty, "axis '\(axis.path)' has no values", at: axisPath)
            var seen = Set<String>()
            for (position, value) in axis.values.enumerated() where !seen.insert(value.comparisonKey).inserted {
                report("value '\(value.text)' appears twice in axis '\(axis.path)'", at: axisPath.index(position))
            }
            let (product, over) = runs.multipliedReportingOverflow(by: max(1, axis.values.count))
            runs = product
            overflow = overflow || over
        }
        if overflow || runs > Self.maximumSweepRuns {
            report("the sweep has more than \(Self.maximumSweepRuns.groupedDigits) runs (configurations × replications)",
                   at: path.key("axes"))
        }
        for entry in sweep.baseline {
            let entryPath = path.key("baseline").key(entry.path)
            guard let axis = sweep.axes.first(where: { $0.path == entry.path }) else {
                let axes = sweep.axes.map(\.path)
                report("baseline names '\(entry.path)', which is not an axis (axes: \(axes.joined(separator: ", ")))", at: entryPath)
                continue
            }
            if !axis.values.contains(where: { $0.comparisonKey == entry.value.comparisonKey }) {
                report("baseline value '\(entry.value.text)' is not one of axis '\(axis.path)' values "
                       + "(\(axis.values.map(\.text).joined(separator: ", ")))", at: entryPath)
            }
        }
    }
}
