/// Memory activity of a VM (DESIGN §4.2): active memory for DRS, and the page dirty rate that
/// drives vMotion pre-copy.
public struct MemoryWorkloadSpec: Codable, Hashable, Sendable {
    /// Active memory as a fraction of configured memory, 0–1. Default 0.25.
    public var activeFraction = 0.25
    /// Consumed memory (guest memory the VM has touched, backed by host memory or reclaimed) as a
    /// fraction of configured memory, 0–1; never below the active memory. Default 0.75, the worked
    /// example of [FD-2018-Mem] (16 GB VM: 5,734 MB active + 6,556 MB idle consumed).
    public var consumedFraction = 0.75
    /// Standard deviation of the multiplicative log-normal noise on active and consumed memory
    /// (one factor for both, ≥ 0). Default 0.
    public var noiseSigma = 0.0
    /// Page dirty rate at full CPU demand, Mbit/s (scaled by current CPU demand). Default 200.
    public var dirtyRateMbps = 200.0
    /// Writable working set as a fraction of memory, (0, 1]; bounds each pre-copy round. Default 0.2.
    public var wwsFraction = 0.2

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
    init(reading m: MappingReader) {
        self.init(activeFraction: m.double("active_fraction") ?? 0.25,
                  consumedFraction: m.double("consumed_fraction") ?? 0.75,
                  noiseSigma: m.double("noise_sigma") ?? 0,
                  dirtyRateMbps: m.double("dirty_rate_mbps") ?? 200,
                  wwsFraction: m.double("wws_fraction") ?? 0.2)
    }
}
