/// One point of a sweep: one value per axis.
public struct SweepConfiguration: Hashable, Sendable {
    /// 0-based position in ``SweepPlan/configurations``.
    public var index: Int
    /// Stable id: the assignments in axis order, `drs.threshold=4,dpm.enabled=true`; `base` for a
    /// sweep without axes. Used in `sweep.csv` and `summary.csv` (`config_id`).
    public var id: String
    /// Filesystem-safe folder name: `c` + the 0-based index zero-padded to 3 digits (or more),
    /// then `-` and the assignments as `path-value` joined by `_`, with every character other than
    /// letters, digits, `.`, `+` and `-` replaced by `_`, cut to 120 characters
    /// (`c007-drs.threshold-4_dpm.enabled-true`; `c000-base` without axes). The `cNNN` prefix alone
    /// makes it unique.
    public var slug: String
    /// One assignment per axis, in axis order.
    public var assignments: [AssignmentSpec]
}
