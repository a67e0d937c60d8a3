import Foundation
import Stochastics
import Testing
@testable import Experiments

/// `comparison.csv` statistics on synthetic metrics whose answers are known.
@Suite struct SweepTablesTests {
    /// A layout of `configurations` configurations over one axis `x`, baseline 0.
    static func layout(configurations: Int, replications: Int, baseline: Int = 0) -> SweepLayout {
        SweepLayout(scenario: "synthetic", axes: ["x"],
                    configurations: (0..<configurations).map {
                        .init(id: "x=\($0)", slug: "c00\($0)-x-\($0)", values: [String($0)], scenarioFingerprint: "0")
                    },
                    baselineIndex: baseline, replications: replications, seed: 1)
    }

    /// Metric cells with `energy_kwh` set to `energy` and every other metric 0.
    static func cells(energy: Double) -> [String] {
        OutputColumns.sweepMetrics.map { $0.name == "energy_kwh" ? CSVNumber.format(energy, decimals: 6) : "0" }
    }

    /// The `comparison.csv` row of configuration `id` and `metric`, by column name.
    static func row(_ csv: String, id: String, metric: String) throws -> [String: String] {
        let lines = csv.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        let line = try #require(lines.first { $0.first == id && $0[header.firstIndex(of: "metric") ?? 0] == metric })
        return Dictionary(uniqueKeysWithValues: zip(header, line))
    }

    @Test func confidenceIntervalOfAKnownSampleHasTheStudentTWidth() throws {
        // energy 1, 2, …, 10: mean 5.5, sd √(55/6) = 3.027650…, half-width t(0.975, 9) × sd / √10.
        let values = (1...10).map(Double.init)
        let tables = SweepTables(layout: Self.layout(configurations: 1, replications: 10), metricCells: values.map(Self.cells))
        let row = try Self.row(tables.comparisonCSV(), id: "x=0", metric: "energy_kwh")
        let sd = (55.0 / 6).squareRoot()
        let half = 2.262157163 * sd / 10.0.squareRoot()  // t(0.975, 9) = 2.262157 (tables)
        #expect(row["n"] == "10")
        #expect(row["mean"] == "5.5")
        #expect(abs((Double(row["sd"] ?? "") ?? 0) - sd) < 1e-6)
        #expect(abs((Double(row["ci95_low"] ?? "") ?? 0) - (5.5 - half)) < 1e-6)
        #expect(abs((Double(row["ci95_high"] ?? "") ?? 0) - (5.5 + half)) < 1e-6)
        #expect(row["diff_mean"] == "0" && row["diff_ci95_low"] == "0" && row["diff_ci95_high"] == "0")
    }

    @Test func pairedDifferenceOfIdenticalConfigurationsIsExactlyZero() throws {
        // Configuration 1 repeats configuration 0 run for run: a noisy metric, zero difference.
        let values: [Double] = [10.25, 13.5, 9.75, 12.0, 11.125]
        let cells = (values + values).map(Self.cells)
        let tables = SweepTables(layout: Self.layout(configurations: 2, replications: 5), metricCells: cells)
        let row = try Self.row(tables.comparisonCSV(), id: "x=1", metric: "energy_kwh")
        #expect(row["sd"] != "0")
        #expect(row["diff_mean"] == "0")
        #expect(row["diff_sd"] == "0")
        #expect(row["diff_ci95_low"] == "0")
        #expect(row["diff_ci95_high"] == "0")
    }

    @Test func pairingRemovesTheNoiseTheConfigurationsShare() throws {
        // Configuration 1 = configuration 0 + 2 ± 0.1: each mean's interval is wide, the paired one narrow.
        let base: [Double] = [100, 140, 90, 120, 110, 130]
        let shifted = zip(base, [0.1, -0.1, 0.05, -0.05, 0, 0.1]).map { $0 + 2 + $1 }
        let tables = SweepTables(layout: Self.layout(configurations: 2, replications: 6), metricCells: (base + shifted).map(Self.cells))
        let row = try Self.row(tables.comparisonCSV(), id: "x=1", metric: "energy_kwh")
        let paired = Statistics.pairedDifferenceInterval(shifted, base)
        let width = (Double(row["ci95_high"] ?? "") ?? 0) - (Double(row["ci95_low"] ?? "") ?? 0)
        let diffWidth = (Double(row["diff_ci95_high"] ?? "") ?? 0) - (Double(row["diff_ci95_low"] ?? "") ?? 0)
        #expect(abs((Double(row["diff_mean"] ?? "") ?? 0) - paired.mean) < 1e-6)
        #expect(abs(diffWidth - 2 * paired.halfWidth) < 2e-6)
        #expect(diffWidth * 100 < width)
        #expect(paired.contains(2))
    }

    @Test func oneReplicationLeavesTheSpreadEmpty() throws {
        let tables = SweepTables(layout: Self.layout(configurations: 2, replications: 1),
                                 metricCells: [Self.cells(energy: 3), Self.cells(energy: 4.5)])
        let csv = tables.comparisonCSV()
        let other = try Self.row(csv, id: "x=1", metric: "energy_kwh")
        #expect(other["n"] == "1" && other["mean"] == "4.5" && other["sd"] == "" && other["ci95_low"] == "")
        #expect(other["diff_mean"] == "1.5" && other["diff_ci95_high"] == "")
        let baseline = try Self.row(csv, id: "x=0", metric: "energy_kwh")
        #expect(baseline["diff_mean"] == "0" && baseline["diff_sd"] == "0")
    }

    @Test func columnListsFollowTheContract() {
        #expect(OutputColumns.header(OutputColumns.sweep(axes: ["drs.threshold", "dpm.enabled"])).prefix(6)
            == ["config_id", "drs.threshold", "dpm.enabled", "replication", "seed", "sim_days"])
        #expect(OutputColumns.header(OutputColumns.sweep(axes: [])).suffix(OutputColumns.summary.count - 4)
            == OutputColumns.header(OutputColumns.summary).dropFirst(4))
        #expect(OutputColumns.comparisonMetrics.first?.name == "energy_kwh")
        let names = Set(OutputColumns.comparisonMetrics.map(\.name))
        for metric in ["energy_kwh", "mean_hosts_on", "chlsd_mean", "chlsd_p95", "migrations_total", "downtime_p95_ms",
                       "downtime_total_s", "cpu_unmet_pct", "ha_outages"] {
            #expect(names.contains(metric), "comparison.csv lacks \(metric)")
        }
        #expect(OutputColumns.markdown().contains("### `comparison.csv`"))
    }
}
