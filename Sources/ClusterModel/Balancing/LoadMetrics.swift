/// The imbalance metrics of classic DRS (vSphere 4.1–6.7), docs/model.md (DRS).
public enum LoadMetrics {
    /// Target host load standard deviation `THLSD(t, N) = 0.1 × (5 − t) / √N` for t = 2…4, derived
    /// from the KB priority formula (docs/model.md, DRS). Threshold 5 balances any imbalance (0);
    /// threshold 1 makes no balancing moves, reported here with the same formula (0.4 / √N).
    public static func thlsd(threshold: Int, hosts: Int) -> Double {
        guard hosts > 0, threshold < 5 else { return 0 }
        return 0.1 * Double(5 - threshold) / Double(hosts).squareRoot()
    }

    /// Priority of a load-balancing recommendation: `6 − ceil((CHLSD / 0.1) × √N)`, clamped to 2…5
    /// (priority 1 is reserved for mandatory moves). [vBrownBag-2010]
    public static func priority(chlsd: Double, hosts: Int) -> Int {
        let raw = 6 - Int(((chlsd / 0.1) * Double(hosts).squareRoot()).rounded(.up))
        return min(5, max(2, raw))
    }

    /// Population standard deviation of the given host loads (CHLSD when `loads` are the
    /// normalized entitlements of the powered-on hosts).
    public static func standardDeviation(_ loads: UnsafeBufferPointer<Double>) -> Double {
        let n = loads.count
        guard n > 1 else { return 0 }
        var mean = 0.0
        for x in loads { mean += x }
        mean /= Double(n)
        var ss = 0.0
        for x in loads { ss += (x - mean) * (x - mean) }
        return (ss / Double(n)).squareRoot()
    }
}
