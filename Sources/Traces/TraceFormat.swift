/// The file format of a replayed workload trace (`workload: {trace: {format: ...}}`).
public enum TraceFormat: String, Sendable, CaseIterable, Codable {
    /// PlanetLab / CoMon: one file per VM, one integer CPU percent per line, 5-minute steps.
    case planetlab
    /// Generic CSV: `time_s,cpu_util[,mem_util]`, one file per VM or one file with a `vm` column.
    case csv
}
