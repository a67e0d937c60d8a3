/// An ESXi host's memory state (vSphere 6.0+, docs/model.md "Memory"), from free memory against
/// minFree: `high` at or above minFree (large pages are broken and shared below 400 %), `clear`
/// below 100 % (page sharing), `soft` below 64 % (ballooning), `hard` below 32 % (compression and
/// swapping; the balloon stops), `low` below 16 % (compression and swapping, allocations blocked).
public enum HostMemoryState: UInt8, Sendable, Comparable {
    case high, clear, soft, hard, low

    public static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }

    /// Thresholds as fractions of minFree ([YB-MemState]).
    static let breakLargePages = 4.0
    static let clearBelow = 1.0
    static let softBelow = 0.64
    static let hardBelow = 0.32
    static let lowBelow = 0.16

    /// The state of a host with `freeMB` free memory and `minFreeMB` minFree.
    public static func of(freeMB: Double, minFreeMB: Double) -> HostMemoryState {
        if freeMB >= minFreeMB * clearBelow { return .high }
        if freeMB >= minFreeMB * softBelow { return .clear }
        if freeMB >= minFreeMB * hardBelow { return .soft }
        if freeMB >= minFreeMB * lowBelow { return .hard }
        return .low
    }

    /// minFree in MB by the sliding scale of vSphere 5+ ([FD-MinFree]): 6 % of the first 4 GB, 4 %
    /// of 4–12 GB, 2 % of 12–28 GB, 1 % of the rest (a 96 GB host: 1,597.6 MB).
    public static func minFreeMB(capacityMB: Double) -> Double {
        let bands: [(upTo: Double, rate: Double)] = [(4_096, 0.06), (12_288, 0.04), (28_672, 0.02), (.infinity, 0.01)]
        var total = 0.0, lower = 0.0
        for band in bands where capacityMB > lower {
            total += (min(capacityMB, band.upTo) - lower) * band.rate
            lower = band.upTo
        }
        return total
    }

    /// Name used in outputs and messages.
    public var name: String {
        switch self {
        case .high: "high"
        case .clear: "clear"
        case .soft: "soft"
        case .hard: "hard"
        case .low: "low"
        }
    }
}
