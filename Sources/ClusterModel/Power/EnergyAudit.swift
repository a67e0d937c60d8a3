import SimKernel

/// A second energy integral kept beside ``EnergyMeter`` under `--check-invariants`: fed the same
/// power changes, it integrates each host separately (`Σ_h ∫ P_h dt`, one accumulator per host)
/// instead of the meter's running cluster total, so a missed total refresh or a wrong Δt in
/// the meter shows up as a difference (rule `energy-audit`, docs/reliability.md).
public struct EnergyAudit: Sendable {
    private var powerW: [Double]
    private var since: [SimTime]
    private var energyJ: [Double]

    public init(hostCount: Int) {
        powerW = Array(repeating: 0, count: hostCount)
        since = Array(repeating: .zero, count: hostCount)
        energyJ = Array(repeating: 0, count: hostCount)
    }

    /// Host `h` draws `watts` from `t` on.
    mutating func record(_ h: Int, watts: Double, at t: SimTime) {
        if t > since[h] { energyJ[h] += powerW[h] * (t - since[h]).seconds }
        since[h] = max(since[h], t)
        powerW[h] = watts
    }

    /// Energy of every host from t = 0 to `t` (t ≥ every host's last change), J.
    public func energyJ(at t: SimTime) -> Double {
        var sum = 0.0
        for h in powerW.indices { sum += energyJ[h] + powerW[h] * (t - since[h]).seconds }
        return sum
    }
}
