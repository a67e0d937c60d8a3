extension SweepTables {
    /// The configurations whose replications all gave the same `summary.csv` metrics (with at
    /// least two replications): their confidence intervals have zero width because nothing in the
    /// scenario is random (no noise, bursts, churn or random failures), not because the result is
    /// certain. `drsim sweep` prints a warning naming them.
    public func configurationsWithIdenticalReplications() -> [String] {
        guard layout.replications >= 2 else { return [] }
        return layout.configurations.indices.compactMap { c in
            let first = c * layout.replications
            let runs = metricCells[first..<first + layout.replications]
            return runs.allSatisfy({ $0 == runs.first }) ? layout.configurations[c].id : nil
        }
    }

    /// The warning for ``configurationsWithIdenticalReplications()``, or `nil` when there are none.
    public func identicalReplicationsWarning() -> String? {
        let identical = configurationsWithIdenticalReplications()
        guard !identical.isEmpty else { return nil }
        let which = identical.count == layout.configurations.count
            ? "every configuration (\(identical.count))"
            : "\(identical.count) of \(layout.configurations.count) configurations (\(identical.prefix(3).joined(separator: "; "))"
                + (identical.count > 3 ? "; …)" : ")")
        return "the \(layout.replications) replications of \(which) are identical: their confidence intervals have zero width. "
            + "The scenario has no randomness (no workload noise, bursts, churn or random failures); add some, or use one replication"
    }
}
