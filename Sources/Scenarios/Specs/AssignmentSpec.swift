/// One `path = value` setting: an entry of `sweep.baseline`, or one axis's value in a sweep
/// configuration. `path` uses the `--set` path syntax (DESIGN §7).
public struct AssignmentSpec: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The key path, e.g. `drs.threshold` or `clusters.prod-a.dpm.enabled`.
    public var path: String
    /// The value.
    public var value: ScalarValue

    /// An assignment.
    public init(path: String, value: ScalarValue) {
        self.path = path
        self.value = value
    }

    /// `path=value`.
    public var description: String { "\(path)=\(value.text)" }
}
