/// A service level of `drsim plan` (`--slo`, docs/planning.md), judged per cluster.
public enum ServiceLevel: Sendable, Equatable, CustomStringConvertible {
    /// A metric against a bound: `cpu_unmet_pct<=1` (at most), `drs_score>=80` (at least).
    case bound(PlanMetric, atMost: Bool, limit: Double)
    /// The other service levels still hold with the cluster's largest host failed (and every VM
    /// runs): judged on a run with `failed_largest_hosts: 1`.
    case nPlusOne
    /// vSphere HA admission control (one host's worth of memory kept free) admits every VM.
    case haAdmission

    public var description: String {
        switch self {
        case let .bound(metric, atMost, limit): "\(metric.name)\(atMost ? "<=" : ">=")\(PlanFormat.number(limit))"
        case .nPlusOne: "n_plus_1"
        case .haAdmission: "ha_admission"
        }
    }

    /// Whether judging it needs the run with the largest host failed.
    var needsFailureRun: Bool { self == .nPlusOne }

    /// Parses one `--slo` value; throws ``InputError`` (exit 2) for an unknown service level, a bad
    /// bound, the wrong direction, or a metric whose model this drsim does not have yet.
    public static func parse(_ text: String) throws -> ServiceLevel {
        let t = text.filter { !$0.isWhitespace }
        if t == "n_plus_1" { return .nPlusOne }
        if t == "ha_admission" { return .haAdmission }
        let known = PlanMetric.all.map { "\($0.name)\($0.higherIsBetter ? ">=" : "<=")X" } + ["n_plus_1", "ha_admission"]
        let usage = "valid: \(known.joined(separator: ", "))"
        guard let op = ["<=", ">="].compactMap({ t.range(of: $0) }).first else {
            throw InputError("--slo '\(text)': unknown service level (\(usage))")
        }
        let name = String(t[..<op.lowerBound])
        let atMost = t[op] == "<="
        guard let metric = PlanMetric.named(name) else {
            throw InputError("--slo '\(text)': unknown metric '\(name)' (\(usage))")
        }
        guard let limit = Double(t[op.upperBound...]), limit.isFinite else {
            throw InputError("--slo '\(text)': the bound must be a number")
        }
        guard atMost != metric.higherIsBetter else {
            throw InputError("--slo '\(text)': \(name) is bounded with \(metric.higherIsBetter ? ">=" : "<=") (\(usage))")
        }
        guard metric.isAvailable else {
            throw InputError("--slo '\(text)': \(name) needs \(metric.providedBy), which this drsim does not have yet "
                             + "(missing timeseries column\(metric.columns.count > 1 ? "s" : "") \(metric.columns.joined(separator: ", ")))")
        }
        return .bound(metric, atMost: atMost, limit: limit)
    }

    /// Parses every `--slo`; at least one is needed, duplicates are refused.
    public static func parseAll(_ texts: [String]) throws -> [ServiceLevel] {
        guard !texts.isEmpty else {
            throw InputError("give at least one --slo (e.g. --slo 'cpu_unmet_pct<=1' --slo n_plus_1)")
        }
        var levels: [ServiceLevel] = []
        for text in texts {
            let level = try parse(text)
            guard !levels.contains(level) else { throw InputError("--slo '\(text)' is given twice") }
            levels.append(level)
        }
        return levels
    }

    /// Whether `value` meets a bound.
    func holds(_ value: Double) -> Bool {
        switch self {
        case let .bound(_, atMost, limit): atMost ? value <= limit : value >= limit
        case .nPlusOne, .haAdmission: value <= 1
        }
    }
}
