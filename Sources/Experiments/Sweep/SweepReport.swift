import Foundation

/// The short texts `drsim sweep` and `drsim merge` print.
public enum SweepReport {
    /// Summary of a finished sweep (or shard).
    public static func text(_ r: SweepResult) -> String {
        let layout = r.layout
        var lines = ["drsim sweep: \(layout.scenario): \(layout.configurations.count) configurations × "
                     + "\(layout.replications) replications = \(r.totalRuns) runs"]
        if !r.shard.isWhole { lines.append("  shard         \(r.shard): \(r.shardRuns) of the runs") }
        lines.append("  runs          \(r.runsExecuted) simulated, \(r.runsSkipped) already complete (skipped)")
        lines.append("  baseline      \(layout.configurations[layout.baselineIndex].id)")
        lines.append("  wall time     \(duration(r.wallSeconds))")
        if r.tablesWritten {
            lines.append("  results       \(r.folder)/sweep.csv, comparison.csv, runs/")
        } else {
            lines.append("  results       \(r.folder)/runs/ (when every shard is done: drsim merge \(r.folder))")
        }
        lines += r.warnings.map { "warning: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// Summary of a merge.
    public static func text(_ r: SweepMerge.Result) -> String {
        var text = "drsim merge: \(r.layout.scenario): \(r.layout.runs.count) runs; wrote \(r.folder)/sweep.csv, comparison.csv"
        if r.runsLinked > 0 { text += " (\(r.runsLinked) run folders linked into runs/)" }
        return text
    }

    /// `42s`, `3m05s`, `2h07m`.
    public static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3_600 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return String(format: "%dh%02dm", s / 3_600, (s % 3_600) / 60)
    }
}
