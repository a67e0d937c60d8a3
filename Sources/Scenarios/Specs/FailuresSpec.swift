/// Random host failures (docs/model.md "Maintenance, patching, failures, HA"): each host fails after
/// exponentially distributed times with mean `host_mtbf` and is repaired after `repair_time`. Absent block:
/// no random failures.
public struct FailuresSpec: Codable, Hashable, Sendable {
    /// Mean time between failures of one host (> 0). Default 8760 h (one failure per host-year).
    public var hostMTBF: DurationValue
    /// Time to repair a failed host (> 0). Default 8 h.
    public var repairTime = DurationValue.hours(8)

    /// Failures with the given rates.
    public init(hostMTBF: DurationValue = .hours(8_760), repairTime: DurationValue = .hours(8)) {
        self.hostMTBF = hostMTBF
        self.repairTime = repairTime
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case hostMTBF = "host_mtbf"
        case repairTime = "repair_time"
    }
}

extension FailuresSpec {
    /// Reads a `failures:` block.
    init(reading m: MappingReader<CodingKeys>) {
        self.init()
        if let value = m.duration(.hostMTBF) { hostMTBF = value }
        if let value = m.duration(.repairTime) { repairTime = value }
    }
}
