import SimKernel

/// Exact energy of piecewise-constant host power: adds `P × Δt` at every change
/// (the observer pattern of SimGrid's `host_energy` plugin). docs/model.md "Power and energy".
public struct EnergyMeter: Sendable {
    /// Current draw of each host, W.
    public private(set) var powerW: [Double]
    /// Energy from t = 0 to ``lastUpdate``, J.
    public private(set) var energyJ: Double = 0
    public private(set) var lastUpdate: SimTime = .zero
    private var totalW: Double = 0
    /// Independent integral of the same changes, kept only under `--check-invariants`.
    public private(set) var audit: EnergyAudit?

    public init(hostCount: Int, audited: Bool = false) {
        powerW = Array(repeating: 0, count: hostCount)
        audit = audited ? EnergyAudit(hostCount: hostCount) : nil
    }

    /// Current total draw, W.
    public var totalPowerW: Double { totalW }

    /// Integrates the current draw up to `t` (t ≥ lastUpdate).
    public mutating func advance(to t: SimTime) {
        precondition(t >= lastUpdate, "energy integration cannot go back in time")
        energyJ += totalW * (t - lastUpdate).seconds
        lastUpdate = t
    }

    /// Sets host `h`'s draw from time `t` on.
    public mutating func setPower(_ h: Int, watts: Double, at t: SimTime) {
        advance(to: t)
        powerW[h] = watts
        if audit != nil { audit?.record(h, watts: watts, at: t) }
    }

    /// Re-adds the per-host draws (avoids drift from incremental updates); call after a batch of `setPower`.
    public mutating func refreshTotal() {
        var s = 0.0
        for w in powerW { s += w }
        totalW = s
    }
}
