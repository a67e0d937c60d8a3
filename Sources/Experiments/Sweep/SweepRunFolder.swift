import Foundation
import Traces

/// Reads a sweep's run folder: whether it holds a completed run of the expected configuration
/// and seed (the resume rule of docs/sweeps.md), and its `summary.csv` row.
struct SweepRunFolder {
    let url: URL

    /// The row of a completed run: the `summary.csv` cells by column, in ``OutputColumns/summary`` order.
    struct Summary {
        let cells: [String]

        /// The cell of the summary column `name`.
        func cell(_ name: String) -> String? {
            OutputColumns.summary.firstIndex { $0.name == name }.map { cells[$0] }
        }

        /// The cells of ``OutputColumns/sweepMetrics`` (from `sim_days` on).
        var metricCells: [String] { Array(cells.suffix(OutputColumns.sweepMetrics.count)) }
    }

    /// The run's summary when the folder holds a completed run (manifest `completed: true`) with
    /// master seed `seed` whose resolved scenario has `fingerprint`; nil otherwise (missing,
    /// interrupted, another configuration or seed, or written by a drsim with other columns).
    func completedSummary(seed: UInt64, fingerprint: String) -> Summary? {
        guard Manifest.isCompleted(folder: url),
              let yaml = FileManager.default.contents(atPath: url.appendingPathComponent("scenario.resolved.yaml").path),
              SweepLayout.fingerprint(String(decoding: yaml, as: UTF8.self)) == fingerprint,
              let summary = try? readSummary(),
              summary.cell("seed") == String(seed) else { return nil }
        return summary
    }

    /// Reads `summary.csv`: its header must be ``OutputColumns/summary`` and it must hold one row.
    func readSummary() throws -> Summary {
        let path = url.appendingPathComponent("summary.csv").path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("\(path): missing")
        }
        var reader = CSVRecordReader(data: data, file: path)
        let header = try reader.next()?.fields
        guard header == OutputColumns.header(OutputColumns.summary) else {
            throw InputError("\(path): unexpected columns (written by another drsim version?)")
        }
        guard let row = try reader.next()?.fields, row.count == OutputColumns.summary.count else {
            throw InputError("\(path): no summary row")
        }
        return Summary(cells: row)
    }
}
