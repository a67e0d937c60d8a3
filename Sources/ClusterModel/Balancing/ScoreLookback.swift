import SimKernel

/// The demand look-back window of score DRS (vSphere 7+) by migration threshold and VM memory:
/// 15/15/15/10/5 minutes at MT1…MT5 for VMs of 4 GB or less, 40/40/40/20/10 minutes above 4 GB
/// ([FD-MT7] fig. 3; docs/model.md, Score DRS). How the windows map to samples: docs/model.md.
enum ScoreLookback {
    static let smallMinutes = [15, 15, 15, 10, 5]
    static let largeMinutes = [40, 40, 40, 20, 10]
    /// VMs above this configured memory use the long windows, MiB (4 GB).
    static let largeVMMemoryMB = 4_096.0

    /// The window for threshold `t` (1…5) and a VM of `memoryMB`.
    static func window(threshold t: Int, memoryMB: Double) -> SimTime {
        let i = min(max(t, 1), 5) - 1
        return .minutes(Int64(memoryMB > largeVMMemoryMB ? largeMinutes[i] : smallMinutes[i]))
    }

    /// The window in whole samples of `interval` (at least one: the latest sample).
    static func samples(threshold t: Int, memoryMB: Double, interval: SimTime) -> Int {
        let w = window(threshold: t, memoryMB: memoryMB).seconds
        return max(1, Int((w / interval.seconds).rounded(.up)))
    }
}
