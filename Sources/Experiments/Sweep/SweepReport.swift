import Foundation

/// The short texts `drsim sweep` and `drsim merge` print.
public enum SweepReport {
    /// Summary of a finished sweep (or shard).
    public static func text(_ r: SweepResult) -> String {
        let layout = r.layout
        var lines = ["drsim sweep: \(layout.scenario): \(counted(layout.configurations.count, "configuration")) × "
                     + "\(counted(layout.replications, "replication")) = \(counted(r.totalRuns, "run"))"]
        if !r.shard.isWhole { lines.append("  shard         \(r.shard): \(r.shardRuns) of the runs") }
        lines.append("  runs          \(r.runsExecuted) simulated, \(r.runsSkipped) already complete (skipped)")
        lines.append("  baseline      \(layout.configurations[layout.baselineIndex].id)")
        lines.append("  wall time     \(duration(r.wallSeconds))")
        if r.tablesWritten {
            lines.append("  results       \(r.folder)/sweep.csv, comparison.csv, comparison-wide.csv, runs/")
            if !r.headlines.isEmpty {
                lines.append("  per configuration (means over the replications; energy change vs the baseline):")
                lines += r.headlines.map { "    " + $0 }
            }
        } else {
            lines.append("  results       \(r.folder)/runs/ (when every shard is done: drsim merge \(r.folder))")
        }
        lines += r.warnings.map { "warning: \($0)" }
        return lines.joined(separator: "\n")
    }

    /// Summary of a merge.
    public static func text(_ r: SweepMerge.Result) -> String {
        var text = "drsim merge: \(r.layout.scenario): \(counted(r.layout.runs.count, "run")); wrote \(r.folder)/sweep.csv, "
            + "comparison.csv, comparison-wide.csv"
        if r.runsLinked > 0 { text += " (\(counted(r.runsLinked, "run folder")) linked into runs/)" }
        if !r.strayFolders.isEmpty {
            text += "\nwarning: \(counted(r.strayFolders.count, "folder")) in runs/ \(r.strayFolders.count == 1 ? "is" : "are") "
                + "not part of this sweep (left over from another plan; the tables ignore them): "
                + r.strayFolders.prefix(5).joined(separator: ", ") + (r.strayFolders.count > 5 ? ", …" : "")
        }
        return text
    }

    /// `1 run`, `2 runs`.
    public static func counted(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    /// `42s`, `3m05s`, `2h07m`.
    public static func duration(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        if s < 60 { return "\(s)s" }
        if s < 3_600 { return String(format: "%dm%02ds", s / 60, s % 60) }
        return String(format: "%dh%02dm", s / 3_600, (s % 3_600) / 60)
    }
}
