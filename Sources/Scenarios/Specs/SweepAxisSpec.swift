/// One sweep axis: a key path and the values it takes, in file order.
public struct SweepAxisSpec: Codable, Hashable, Sendable {
    /// The key path, in `--set` path syntax (`drs.threshold`, `clusters.prod-a.dpm.enabled`).
    public var path: String
    /// The values, in order (scalars only).
    public var values: [ScalarValue]

    /// An axis.
    public init(path: String, values: [ScalarValue]) {
        self.path = path
        self.values = values
    }
}
