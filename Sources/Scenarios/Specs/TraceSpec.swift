/// A replayed CPU utilization trace instead of the stochastic model (DESIGN §4.2).
///
/// `planetlab`: `path` is a folder of PlanetLab files (one integer percent per line, 288 lines = one
/// day at 5-minute steps); the VMs using the profile take the folder's files in name order,
/// starting at `start_index`, in the scenario's VM order (clusters, then entries, then numbering).
/// `csv`: `path` is one file (`time_s,cpu_util[,mem_util]`) replayed by every VM of the profile, or a
/// folder of such files assigned like PlanetLab files. Relative paths resolve against the scenario
/// file's folder.
public struct TraceSpec: Codable, Hashable, Sendable {
    /// Trace file format.
    public enum Format: String, SpecEnum {
        case planetlab, csv
    }

    /// What happens when a trace runs out before the simulation ends.
    public enum AtEnd: String, SpecEnum {
        /// Start again from the first value.
        case `repeat`
        /// Keep the last value.
        case hold
    }

    /// Format. Default `planetlab`.
    public var format = Format.planetlab
    /// File or folder (required).
    public var path: String
    /// Index of the first file used, in name order (≥ 0). Default 0.
    public var startIndex = 0
    /// End-of-trace behaviour. Default `repeat`.
    public var atEnd = AtEnd.repeat

    /// A trace at `path`.
    public init(format: Format = .planetlab, path: String, startIndex: Int = 0, atEnd: AtEnd = .repeat) {
        self.format = format
        self.path = path
        self.startIndex = startIndex
        self.atEnd = atEnd
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, path
        case startIndex = "start_index"
        case atEnd = "at_end"
    }
}

extension TraceSpec {
    /// Reads a `workload.trace:` block.
    init(reading m: MappingReader) {
        self.init(format: m.enumValue("format", Format.self) ?? .planetlab,
                  path: m.required("path") { $0.string() } ?? "",
                  startIndex: m.int("start_index") ?? 0,
                  atEnd: m.enumValue("at_end", AtEnd.self) ?? .repeat)
    }
}
