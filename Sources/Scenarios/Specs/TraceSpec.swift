/// A replayed CPU utilization trace instead of the stochastic model (docs/model.md "Workload").
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
    public var format: Format
    /// File or folder (required).
    public var path: String
    /// Index of the first file used, in name order (≥ 0). Default 0.
    public var startIndex: Int
    /// End-of-trace behaviour. Default `repeat`.
    public var atEnd: AtEnd

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
    init(reading m: MappingReader<CodingKeys>) {
        let format = m.enumValue(.format, Format.self)
        // A missing path was reported; the empty path is never used.
        self.init(path: m.required(.path) { $0.string() } ?? "")
        if let format { self.format = format }
        if let value = m.int(.startIndex) { startIndex = value }
        if let value = m.enumValue(.atEnd, AtEnd.self) { atEnd = value }
    }
}
