import Foundation
import Scenarios
import Stochastics

/// The two tables of a sweep (docs/outputs.md): `sweep.csv`, one row per run (axis values and the run's
/// `summary.csv` metrics), and `comparison.csv`, per configuration and metric the mean with its
/// 95 % Student-t confidence interval and the **paired** difference from the baseline
/// configuration with its own interval.
///
/// Why the paired interval is narrower: replication k of every configuration uses the same seed, so every
/// configuration sees exactly the same VM demand (common random numbers, docs/model.md "Time, events,
/// randomness"). The run-to-run noise that the demand adds to a metric is then shared by the two runs of a
/// pair and cancels in their difference: Var(X − B) = Var(X) + Var(B) − 2 Cov(X, B), and the covariance is
/// large and positive. An interval built from the differences only carries what the configuration itself
/// changes, often a fraction of the spread of either mean.
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

    /// The cells from `n` to `diff_ci95_high` for one configuration and metric. Empty cells
    /// (NaN: a downtime quantile of a run where nothing migrated) are left out: of the mean, and
    /// of the paired differences pair by pair. Every metric is a quantity that cannot be negative,
    /// so the lower bound of its interval is clipped at 0 (docs/sweeps.md); differences are not.
    static func statistics(_ values: [Double], baseline: [Double], isBaseline: Bool) -> [String] {
        let present = values.filter(\.isFinite)
        let ci = Statistics.confidenceInterval(present)
        let enough = ci.n >= 2
        var cells = [String(ci.n), present.isEmpty ? "" : number(ci.mean)]
        cells += enough ? [number(ci.sd), number(max(0, ci.low)), number(ci.high)] : ["", "", ""]
        if isBaseline {
            cells += ["0", "0", "0", "0"]
        } else {
            let pairs = zip(values, baseline).filter { $0.0.isFinite && $0.1.isFinite }
            guard !pairs.isEmpty else { return cells + ["", "", "", ""] }
            let diff = Statistics.pairedDifferenceInterval(pairs.map(\.0), pairs.map(\.1))
            cells += [number(diff.mean)]
            cells += pairs.count >= 2 ? [number(diff.sd), number(diff.low), number(diff.high)] : ["", "", ""]
        }
        return cells
    }

    /// `comparison-wide.csv`: one row per configuration, each metric's mean and paired difference.
    public func comparisonWideCSV() -> String {
        var text = line(OutputColumns.header(OutputColumns.comparisonWide(axes: layout.axes)))
        let metricNames = OutputColumns.sweepMetrics.map(\.name)
        for (c, configuration) in layout.configurations.enumerated() {
            var cells = [CSVNumber.bool(c == layout.baselineIndex)]
            for metric in OutputColumns.comparisonMetrics {
                guard let j = metricNames.firstIndex(of: metric.name) else { continue }
                let statistics = Self.statistics(values(configuration: c, metric: j),
                                                 baseline: values(configuration: layout.baselineIndex, metric: j),
                                                 isBaseline: c == layout.baselineIndex)
                cells += [statistics[1], statistics[5]]
            }
            text += line([configuration.id] + configuration.values, metrics: cells)
        }
        return text
    }

    /// The headline numbers per configuration for the console: energy, hosts on, migrations,
    /// unmet CPU demand (means over the replications, with the paired difference of energy).
    public func headlines() -> [String] {
        let metricNames = OutputColumns.sweepMetrics.map(\.name)
        func mean(_ c: Int, _ name: String) -> (mean: Double, diff: Double)? {
            guard let j = metricNames.firstIndex(of: name) else { return nil }
            let cells = Self.statistics(values(configuration: c, metric: j), baseline: values(configuration: layout.baselineIndex, metric: j),
                                        isBaseline: c == layout.baselineIndex)
            guard let m = Double(cells[1]) else { return nil }
            return (m, Double(cells[5]) ?? .nan)
        }
        func f(_ x: Double?, _ d: Int) -> String { x.map { String(format: "%.\(d)f", $0) } ?? "–" }
        let width = min(40, layout.configurations.map(\.id.count).max() ?? 0)
        return layout.configurations.indices.map { c in
            let id = TerminalText.escaped(layout.configurations[c].id)
            let energy = mean(c, "energy_kwh")
            var text = id.padding(toLength: max(width, id.count), withPad: " ", startingAt: 0)
            text += "  energy \(f(energy?.mean, 2)) kWh"
            if c == layout.baselineIndex {
                text += " (baseline)"
            } else if let d = energy?.diff, d.isFinite {
                text += " (" + String(format: "%+.3g", d) + ")"   // 3 significant digits: small paired changes show
            }
            text += ", hosts on \(f(mean(c, "mean_hosts_on")?.mean, 2)), migrations \(f(mean(c, "migrations_total")?.mean, 0))"
            text += ", unmet CPU \(f(mean(c, "cpu_unmet_pct")?.mean, 3)) %"
            return text
        }
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

    /// The tables' file names, in the order they are written.
    public static let fileNames = ["sweep.csv", "comparison.csv", "comparison-wide.csv"]

    /// Writes `sweep.csv`, `comparison.csv` and `comparison-wide.csv` into the sweep folder
    /// `folder` (each replaced atomically).
    public func write(into folder: URL) throws {
        try AtomicFile.write(sweepCSV(), to: folder.appendingPathComponent("sweep.csv"))
        try AtomicFile.write(comparisonCSV(), to: folder.appendingPathComponent("comparison.csv"))
        try AtomicFile.write(comparisonWideCSV(), to: folder.appendingPathComponent("comparison-wide.csv"))
    }
}
