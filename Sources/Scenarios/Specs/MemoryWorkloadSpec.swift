/// Memory activity of a VM (docs/model.md "Workload"): active memory for DRS, and the page dirty rate that
/// drives vMotion pre-copy.
public struct MemoryWorkloadSpec: Codable, Hashable, Sendable {
    /// Active memory as a fraction of configured memory, 0–1. Default 0.25.
    public var activeFraction: Double
    /// Consumed memory (guest memory the VM has touched, backed by host memory or reclaimed) as a
    /// fraction of configured memory, 0–1; never below the active memory. Default 0.75, the worked
    /// example of [FD-2018-Mem] (16 GB VM: 5,734 MB active + 6,556 MB idle consumed).
    public var consumedFraction: Double
    /// Standard deviation of the multiplicative log-normal noise on active and consumed memory
    /// (one factor for both, ≥ 0). Default 0.
    public var noiseSigma: Double
    /// Page dirty rate at full CPU demand, Mbit/s (scaled by current CPU demand). Default 200.
    public var dirtyRateMbps: Double
    /// Writable working set as a fraction of memory, (0, 1]; bounds each pre-copy round. Default 0.2.
    public var wwsFraction: Double

    /// The default memory behaviour.
    public init(activeFraction: Double = 0.25, consumedFraction: Double = 0.75, noiseSigma: Double = 0,
                dirtyRateMbps: Double = 200, wwsFraction: Double = 0.2) {
        self.activeFraction = activeFraction
        self.consumedFraction = consumedFraction
        self.noiseSigma = noiseSigma
        self.dirtyRateMbps = dirtyRateMbps
        self.wwsFraction = wwsFraction
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case activeFraction = "active_fraction"
        case consumedFraction = "consumed_fraction"
        case noiseSigma = "noise_sigma"
        case dirtyRateMbps = "dirty_rate_mbps"
        case wwsFraction = "wws_fraction"
    }
}

extension MemoryWorkloadSpec {
    /// Reads a `workload.memory:` block.
    init(reading m: MappingReader<CodingKeys>) {
        self.init()
        if let value = m.double(.activeFraction) { activeFraction = value }
        if let value = m.double(.consumedFraction) { consumedFraction = value }
        if let value = m.double(.noiseSigma) { noiseSigma = value }
        if let value = m.double(.dirtyRateMbps) { dirtyRateMbps = value }
        if let value = m.double(.wwsFraction) { wwsFraction = value }
    }
}
