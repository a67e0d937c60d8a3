/// A service-level metric of `drsim plan` (docs/planning.md): one table entry naming the
/// `timeseries.csv` columns it reads, how a window of samples reduces to one value, and which
/// direction is good. A metric whose columns this drsim does not write yet is parsed but refused
/// (exit 2) with the model it needs.
public struct PlanMetric: Sendable, Equatable {
    /// How a window of samples becomes one value.
    public enum Reduction: Sendable, Equatable {
        /// 100 × Σ numerator / Σ denominator (0 when the denominator is 0): a share of demand.
        case percentOfSums(numerator: String, denominator: String)
        /// The mean of one column over the samples.
        case mean(String)
    }

    /// Name in `--slo` (`cpu_unmet_pct<=1`).
    public let name: String
    public let reduction: Reduction
    /// True when larger values are better (`drs_score>=X`), false when smaller are (`…_pct<=X`).
    public let higherIsBetter: Bool
    /// What writes the columns, for the message when they are missing.
    public let providedBy: String

    /// The `timeseries.csv` columns the metric reads.
    public var columns: [String] {
        switch reduction {
        case .percentOfSums(let n, let d): [n, d]
        case .mean(let c): [c]
        }
    }

    /// Whether this drsim writes every column the metric reads.
    public var isAvailable: Bool {
        let written = Set(OutputColumns.timeseries.map(\.name))
        return columns.allSatisfy(written.contains)
    }

    /// The metrics `--slo` knows, one entry each.
    public static let all: [PlanMetric] = [
        PlanMetric(name: "cpu_unmet_pct", reduction: .percentOfSums(numerator: "cpu_unmet_mhz", denominator: "cpu_demand_mhz"),
                   higherIsBetter: false, providedBy: "the CPU model"),
        PlanMetric(name: "mem_contention_pct", reduction: .percentOfSums(numerator: "mem_contention_mb", denominator: "mem_active_mb"),
                   higherIsBetter: false, providedBy: "the memory model (timeseries columns mem_contention_mb, mem_active_mb)"),
        PlanMetric(name: "drs_score", reduction: .mean("drs_score"), higherIsBetter: true,
                   providedBy: "score-based DRS (vSphere 7+ VM DRS score: timeseries column drs_score)"),
    ]

    /// The metric called `name`.
    public static func named(_ name: String) -> PlanMetric? { all.first { $0.name == name } }

    /// The metric over samples `range` of `series` (nil when the range is empty).
    func value(_ series: ClusterSeries, _ range: Range<Int>) -> Double? {
        guard !range.isEmpty else { return nil }
        switch reduction {
        case .percentOfSums(let n, let d):
            guard let num = series.column(n), let den = series.column(d) else { return nil }
            var a = 0.0, b = 0.0
            for i in range { a += num[i]; b += den[i] }
            return b > 0 ? 100 * a / b : 0
        case .mean(let c):
            guard let values = series.column(c) else { return nil }
            var sum = 0.0
            for i in range { sum += values[i] }
            return sum / Double(range.count)
        }
    }
}
