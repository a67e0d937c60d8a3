import Foundation
import Stochastics

/// The two tables of a sweep (DESIGN §6): `sweep.csv`, one row per run (axis values and the run's
/// `summary.csv` metrics), and `comparison.csv`, per configuration and metric the mean with its
/// 95 % Student-t confidence interval and the **paired** difference from the baseline
/// configuration with its own interval.
///
/// Why the paired interval is narrower: replication k of every configuration uses the same seed,
/// so every configuration sees exactly the same VM demand (common random numbers, DESIGN §3). The
/// run-to-run noise that the demand adds to a metric is then shared by the two runs of a pair and
/// cancels in their difference: Var(X − B) = Var(X) + Var(B) − 2 Cov(X, B), and the covariance is
/// large and positive. An interval built from the differences only carries what the configuration
/// itself changes, often a fraction of the spread of either mean.
///
/// Both tables are computed from the cells as written in the run folders' `summary.csv` (not from
/// in-memory doubles), so a local sweep and `drsim merge` of shard folders give the same bytes.
public struct SweepTables: Sendable {
    /// The sweep's layout.
    public let layout: SweepLayout
    /// Each run's ``OutputColumns/sweepMetrics`` cells, in ``SweepLayout/runs`` order.
    public let metricCells: [[String]]

    /// Tables over `metricCells` (one entry per run of `layout`, in run order).
    public init(layout: SweepLayout, metricCells: [[String]]) {
        precondition(metricCells.count == layout.runs.count, "one row of metrics per run")
        self.layout = layout
        self.metricCells = metricCells
    }

    /// `sweep.csv`: configuration order, then replication.
    public func sweepCSV() -> String {
        var text = line(OutputColumns.header(OutputColumns.sweep(axes: layout.axes)))
        for (run, cells) in zip(layout.runs, metricCells) {
            let configuration = layout.configurations[run.configuration]
            text += line([configuration.id] + configuration.values
                         + [String(run.replication), String(layout.seed(forReplication: run.replication))], metrics: cells)
        }
        return text
    }

    /// `comparison.csv`: configuration order, then ``OutputColumns/comparisonMetrics`` order.
    public func comparisonCSV() -> String {
        var text = line(OutputColumns.header(OutputColumns.comparison(axes: layout.axes)))
        let metricNames = OutputColumns.sweepMetrics.map(\.name)
        for (c, configuration) in layout.configurations.enumerated() {
            for metric in OutputColumns.comparisonMetrics {
                guard let j = metricNames.firstIndex(of: metric.name) else { continue }
                let values = self.values(configuration: c, metric: j)
                let baseline = self.values(configuration: layout.baselineIndex, metric: j)
                let statistics = Self.statistics(values, baseline: baseline, isBaseline: c == layout.baselineIndex)
                text += line([configuration.id] + configuration.values + [metric.name], metrics: statistics)
            }
        }
        return text
    }

    /// The cells from `n` to `diff_ci95_high` for one configuration and metric.
    static func statistics(_ values: [Double], baseline: [Double], isBaseline: Bool) -> [String] {
        let ci = Statistics.confidenceInterval(values)
        let enough = ci.n >= 2
        var cells = [String(ci.n), number(ci.mean)]
        cells += enough ? [number(ci.sd), number(ci.low), number(ci.high)] : ["", "", ""]
        if isBaseline {
            cells += ["0", "0", "0", "0"]
        } else {
            let diff = Statistics.pairedDifferenceInterval(values, baseline)
            cells += [number(diff.mean)]
            cells += enough ? [number(diff.sd), number(diff.low), number(diff.high)] : ["", "", ""]
        }
        return cells
    }

    /// The metric in column `metric` of ``OutputColumns/sweepMetrics`` for each replication of
    /// configuration `configuration` (an empty or unreadable cell is NaN).
    func values(configuration: Int, metric: Int) -> [Double] {
        let first = configuration * layout.replications
        return (first..<first + layout.replications).map { Double(metricCells[$0][metric]) ?? .nan }
    }

    static func number(_ x: Double) -> String { CSVNumber.format(x, decimals: 6) }

    /// One CSV line: text cells quoted as needed, then already formatted metric cells.
    private func line(_ texts: [String], metrics: [String] = []) -> String {
        (texts.map(CSVNumber.text) + metrics).joined(separator: ",") + "\n"
    }

    /// Writes `sweep.csv` and `comparison.csv` into the sweep folder `folder` (each replaced atomically).
    public func write(into folder: URL) throws {
        try AtomicFile.write(sweepCSV(), to: folder.appendingPathComponent("sweep.csv"))
        try AtomicFile.write(comparisonCSV(), to: folder.appendingPathComponent("comparison.csv"))
    }
}
