/// vMotion engine settings (docs/model.md "vMotion"); scenario-level defaults, overridden key by key per cluster.
public struct VMotionSpec: Codable, Hashable, Sendable {
    /// Pre-copy stops when the remaining dirty memory can be sent within this time. Default 500 ms.
    public var switchoverGoal = DurationValue.milliseconds(500)
    /// Time to resume the VM on the destination, added to the downtime. Default 50 ms.
    public var resumeTime = DurationValue.milliseconds(50)
    /// Pre-copy rounds before a forced switchover. Default 30.
    public var maxPrecopyRounds = 30
    /// Stun During Page Send: throttle the guest when it dirties memory faster than the link sends.
    /// Default true.
    public var sdps = true
    /// Usable fraction of the vMotion NIC's line rate (0–1). Default 0.9.
    public var nicEfficiency = 0.9
    /// Disk copy rate of Storage / shared-nothing vMotion, Mbit/s. Default 4000.
    public var storageCopyMbps = 4_000.0
    /// The bandwidth every migration stream needs, Mbit/s. Default 250.
    public var minStreamMbps = 250.0

    /// vSphere's defaults.
    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case switchoverGoal = "switchover_goal"
        case resumeTime = "resume_time"
        case maxPrecopyRounds = "max_precopy_rounds"
        case sdps
        case nicEfficiency = "nic_efficiency"
        case storageCopyMbps = "storage_copy_mbps"
        case minStreamMbps = "min_stream_mbps"
    }
}

extension VMotionSpec {
    /// Reads a `vmotion:` block; keys it does not give keep the values of `defaults`.
    init(reading m: MappingReader<CodingKeys>, defaults: VMotionSpec) {
        self = defaults
        if let value = m.duration(.switchoverGoal) { switchoverGoal = value }
        if let value = m.duration(.resumeTime) { resumeTime = value }
        if let value = m.int(.maxPrecopyRounds) { maxPrecopyRounds = value }
        if let value = m.bool(.sdps) { sdps = value }
        if let value = m.double(.nicEfficiency) { nicEfficiency = value }
        if let value = m.double(.storageCopyMbps) { storageCopyMbps = value }
        if let value = m.double(.minStreamMbps) { minStreamMbps = value }
    }
}
