/// Memory-management parameters of a cluster (DESIGN §4.8); the constants are vSphere's
/// (vmware-facts-2 §1), the savings of intra-VM page sharing an invented default (docs/model.md).
public struct MemoryModel: Sendable {
    /// Share of a VM's consumed memory saved by intra-VM page sharing once the host breaks large
    /// pages (below 400 % of minFree). [I] 0.05: the low end of VMware's "<5 % … >30 %" range
    /// [D41-Sharing], since inter-VM sharing is off by default (salting, [KB323624]).
    public var sharingSavings = 0.05

    /// The balloon reclaims at most 65 % of a VM's memory (Mem.CtlMaxPercent, [D40-AdvMem]),
    /// here of its unreserved memory.
    public static let balloonMaxFraction = 0.65
    /// The compression cache holds at most 10 % of a VM's memory ([D67-CompCache]).
    public static let compressionCacheFraction = 0.10
    /// Compressed pages take half their size (pages that compress to ≤ 2 KB of 4 KB are kept,
    /// [D41-Compression]; [I] every page taken compresses so).
    public static let compressionRatio = 2.0

    public init() {}
}
