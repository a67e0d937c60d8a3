/// vCenter's cost model for concurrent migrations (docs/model.md "vMotion",
/// [Docs-SimulMig], [FD-2013-ConcurrentvMotion]): each operation costs against its hosts, their
/// vMotion NICs and the datastores involved; an operation that would exceed a maximum waits.
public enum ConcurrencyLimits {
    /// Max cost per host.
    public static let hostMax = 8
    /// Host cost of a vMotion / of a Storage or shared-nothing vMotion.
    public static let hostCostVMotion = 1
    public static let hostCostStorage = 4
    /// Network cost of any vMotion (shared-nothing included).
    public static let networkCost = 1
    /// Max cost per datastore, and the costs against it.
    public static let datastoreMax = 128
    public static let datastoreCostVMotion = 1
    public static let datastoreCostStorage = 16

    /// Max network cost of a host's vMotion NIC from its detected line speed: 2 below 1 GbE,
    /// 4 from 1 GbE, 8 from 10 GbE.
    public static func networkMax(nicGbps: Double) -> Int {
        nicGbps >= 10 ? 8 : (nicGbps >= 1 ? 4 : 2)
    }

    /// vMotion's CPU reservation on a host with active migrations, in cores: 10 % of a core per
    /// GbE of link, at least 30 % (a full core at 10 GbE) [FD-2012-vMotionBW], and at most one core
    /// per vMotion stream, since one stream helper is one core (docs/model.md "vMotion" [Hagoort-2021]):
    /// 25 GbE with one stream reserves 1 core, not 2.5.
    public static func cpuReservationCores(nicGbps: Double, streams: Int = .max) -> Double {
        max(0.3, min(0.1 * nicGbps, Double(streams)))
    }

    /// Rate one vMotion stream helper saturates, Mbit/s (docs/model.md "vMotion": ~15 Gbit/s).
    public static let streamMbps = 15_000.0

    /// vMotion streams of a host (docs/model.md "vMotion"): one per vMotion vmknic before 7.0 U2;
    /// from 7.0 U2 ⌈link / 15 Gbit/s⌉, sized from the NIC.
    public static func streams(nicGbps: Double, vmknics: Int, followLink: Bool) -> Int {
        followLink ? max(1, Int((nicGbps * 1_000 / streamMbps).rounded(.up))) : max(1, vmknics)
    }
}

/// Running cost totals against the concurrency maxima of one cluster.
struct ConcurrencyLedger {
    var hostCost: [Int]
    var networkCost: [Int]
    let networkMax: [Int]
    var datastoreCost: [Int]

    init(nicGbps: [Double], datastores: Int) {
        hostCost = Array(repeating: 0, count: nicGbps.count)
        networkCost = hostCost
        networkMax = nicGbps.map(ConcurrencyLimits.networkMax(nicGbps:))
        datastoreCost = Array(repeating: 0, count: datastores)
    }

    /// Datastores an operation touches: the VM's, and with shared-nothing the destination's too.
    func fits(source: Int, destination: Int, storage: Bool, datastores: (Int, Int?)) -> Bool {
        let hc = storage ? ConcurrencyLimits.hostCostStorage : ConcurrencyLimits.hostCostVMotion
        let dc = storage ? ConcurrencyLimits.datastoreCostStorage : ConcurrencyLimits.datastoreCostVMotion
        guard hostCost[source] + hc <= ConcurrencyLimits.hostMax,
              hostCost[destination] + hc <= ConcurrencyLimits.hostMax,
              networkCost[source] + ConcurrencyLimits.networkCost <= networkMax[source],
              networkCost[destination] + ConcurrencyLimits.networkCost <= networkMax[destination],
              datastoreCost[datastores.0] + dc <= ConcurrencyLimits.datastoreMax else { return false }
        if let d = datastores.1, datastoreCost[d] + dc > ConcurrencyLimits.datastoreMax { return false }
        return true
    }

    mutating func apply(source: Int, destination: Int, storage: Bool, datastores: (Int, Int?), sign: Int) {
        let hc = storage ? ConcurrencyLimits.hostCostStorage : ConcurrencyLimits.hostCostVMotion
        let dc = storage ? ConcurrencyLimits.datastoreCostStorage : ConcurrencyLimits.datastoreCostVMotion
        hostCost[source] += sign * hc
        hostCost[destination] += sign * hc
        networkCost[source] += sign * ConcurrencyLimits.networkCost
        networkCost[destination] += sign * ConcurrencyLimits.networkCost
        datastoreCost[datastores.0] += sign * dc
        if let d = datastores.1 { datastoreCost[d] += sign * dc }
    }
}
