/// The `sweep:` block (docs/sweeps.md): axes × replications, and the baseline of paired comparisons.
///
/// `axes` is read with Yams' node API, so the axes keep the order of the file.
public struct SweepSpec: Codable, Hashable, Sendable {
    /// The axes, in file order (required, may be empty).
    public var axes: [SweepAxisSpec]
    /// Runs per configuration; replication k uses seed `seed + k` (≥ 1). Default 1.
    public var replications = 1
    /// The baseline configuration's value per axis; axes it does not name take their first value.
    /// Default: the first configuration.
    public var baseline: [AssignmentSpec] = []

    /// A sweep over `axes`.
    public init(axes: [SweepAxisSpec], replications: Int = 1, baseline: [AssignmentSpec] = []) {
        self.axes = axes
        self.replications = replications
        self.baseline = baseline
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case axes, replications, baseline
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let axesContainer = try container.nestedContainer(keyedBy: DynamicKey.self, forKey: .axes)
        axes = try axesContainer.allKeys.map {
            SweepAxisSpec(path: $0.stringValue, values: try axesContainer.decode([ScalarValue].self, forKey: $0))
        }
        replications = try container.decodeIfPresent(Int.self, forKey: .replications) ?? 1
        if container.contains(.baseline) {
            let baselineContainer = try container.nestedContainer(keyedBy: DynamicKey.self, forKey: .baseline)
            baseline = try baselineContainer.allKeys.map {
                AssignmentSpec(path: $0.stringValue, value: try baselineContainer.decode(ScalarValue.self, forKey: $0))
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        var axesContainer = container.nestedContainer(keyedBy: DynamicKey.self, forKey: .axes)
        for axis in axes {
            try axesContainer.encode(axis.values, forKey: DynamicKey(axis.path))
        }
        try container.encode(replications, forKey: .replications)
        if !baseline.isEmpty {
            var baselineContainer = container.nestedContainer(keyedBy: DynamicKey.self, forKey: .baseline)
            for entry in baseline {
                try baselineContainer.encode(entry.value, forKey: DynamicKey(entry.path))
            }
        }
    }
}

extension SweepSpec {
    /// Reads the `sweep:` block; axis and baseline keys are paths, checked later.
    init(reading m: MappingReader<CodingKeys>) {
        let axes = m.required(.axes) { node in
            node.mapping { (axesReader: MappingReader<NamedEntries>) in
                axesReader.entries().map { entry -> SweepAxisSpec in
                    let values = entry.value.node.isNull ? [] : (entry.value.list { $0.scalarValue() } ?? [])
                    return SweepAxisSpec(path: entry.name, values: values)
                }
            }
        } ?? []
        self.init(axes: axes)
        if let value = m.int(.replications) { replications = value }
        baseline = m.mapping(.baseline) { (baselineReader: MappingReader<NamedEntries>) in
            baselineReader.entries().compactMap { entry in
                entry.value.scalarValue().map { AssignmentSpec(path: entry.name, value: $0) }
            }
        } ?? []
    }
}

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

/// One `path = value` setting: an entry of `sweep.baseline`, or one axis's value in a sweep
/// configuration. `path` uses the `--set` path syntax (docs/sweeps.md).
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
