import Stochastics

/// Over which part of a run a service level is judged, per cluster (docs/planning.md). Samples of
/// the first hour are left out everywhere ([I]: initial placement and the first DRS passes are a
/// start-up transient of the simulation, not of the cluster).
public enum SLOWindow: String, CaseIterable, Sendable {
    /// The metric over every sample of the run.
    case wholeRun = "whole_run"
    /// The metric of each calendar day (from t = 0), and the worst day counts. The default: a
    /// cluster that breaks its service level on one busy day breaks it, whatever the week's average.
    case worstDay = "worst_day"
    /// The metric of each hour, and the 95th percentile of the hours counts (the 5th for metrics
    /// where higher is better): the level held in all but 5 % of hours.
    case p95Hour = "p95_hour"

    /// Samples before this time are not judged (seconds).
    public static let warmupSeconds = 3_600.0

    /// The metric of `series` judged over this window; nil when no sample is judged.
    func value(of metric: PlanMetric, in series: ClusterSeries) -> Double? {
        let first = series.time.firstIndex { $0 >= Self.warmupSeconds } ?? series.time.count
        let judged = first..<series.time.count
        switch self {
        case .wholeRun:
            return metric.value(series, judged)
        case .worstDay, .p95Hour:
            let bucket = self == .worstDay ? 86_400.0 : 3_600.0
            var values: [Double] = []
            var start = judged.lowerBound
            while start < judged.upperBound {
                let key = (series.time[start] / bucket).rounded(.down)
                var end = start + 1
                while end < judged.upperBound && (series.time[end] / bucket).rounded(.down) == key { end += 1 }
                if let v = metric.value(series, start..<end) { values.append(v) }
                start = end
            }
            guard !values.isEmpty else { return nil }
            if self == .worstDay { return metric.higherIsBetter ? values.min() : values.max() }
            return Statistics.quantile(values, metric.higherIsBetter ? 0.05 : 0.95)
        }
    }
}

extension SLOWindow {
    /// Parses `--slo-window`; throws ``InputError`` listing the valid values.
    public static func parse(_ text: String) throws -> SLOWindow {
        guard let window = SLOWindow(rawValue: text) else {
            throw InputError("--slo-window '\(text)': valid values are \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return window
    }
}
