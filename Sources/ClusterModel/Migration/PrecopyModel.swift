import Foundation

/// Closed form of iterative pre-copy for a constant dirty rate D below the bandwidth B
/// (docs/model.md "vMotion"; Clark et al. 2005, Akoush et al. 2010): with λ = D/B and threshold
/// V_thd = B × switchover goal, round i sends Mλ^i; the copy switches over after
/// n = ceil(ln(V_thd/M) / ln λ) pre-copy rounds, sends M(1 − λ^(n+1))/(1 − λ) in all, and the VM
/// is down for Mλ^n/B + resume time. The engine integrates rounds numerically with the actual,
/// changing bandwidth; this is for tests and for DRS's cost estimates.
public struct PrecopyModel: Sendable {
    /// Memory to copy, Mbit.
    public var memoryMbit: Double
    /// Dirty rate, Mbit/s.
    public var dirtyMbps: Double
    /// Bandwidth, Mbit/s.
    public var bandwidthMbps: Double
    public var switchoverGoalSeconds: Double
    public var resumeSeconds: Double

    public init(memoryMbit: Double, dirtyMbps: Double, bandwidthMbps: Double,
                switchoverGoalSeconds: Double = 0.5, resumeSeconds: Double = 0.05) {
        self.memoryMbit = memoryMbit; self.dirtyMbps = dirtyMbps; self.bandwidthMbps = bandwidthMbps
        self.switchoverGoalSeconds = switchoverGoalSeconds; self.resumeSeconds = resumeSeconds
    }

    var lambda: Double { dirtyMbps / bandwidthMbps }
    var thresholdMbit: Double { bandwidthMbps * switchoverGoalSeconds }

    /// Pre-copy rounds before switchover. vMotion always makes the first full pass with the VM
    /// running, so the closed form's n = 0 case (all memory within the switchover goal) is one round.
    public var rounds: Int {
        if memoryMbit <= thresholdMbit || lambda <= 0 { return 1 }
        return max(1, Int((log(thresholdMbit / memoryMbit) / log(lambda)).rounded(.up)))
    }

    /// Total data sent, pre-copy plus switchover, Mbit.
    public var sentMbit: Double {
        let n = Double(rounds)
        if lambda == 1 { return memoryMbit * (n + 1) }
        return memoryMbit * (1 - pow(lambda, n + 1)) / (1 - lambda)
    }

    /// Data sent while the VM is stunned, Mbit.
    public var remainderMbit: Double { memoryMbit * pow(lambda, Double(rounds)) }

    /// Downtime (stun) in seconds.
    public var downtimeSeconds: Double { remainderMbit / bandwidthMbps + resumeSeconds }

    /// Time from start of copy to resume on the destination, seconds.
    public var durationSeconds: Double { sentMbit / bandwidthMbps + resumeSeconds }
}

/// Unit conversions between the memory unit (MiB) and link units (Mbit, 10⁶ bit).
public enum DataUnits {
    /// Mbit in one MiB: 8 × 1,048,576 / 10⁶.
    public static let mbitPerMiB = 8.388608
}
