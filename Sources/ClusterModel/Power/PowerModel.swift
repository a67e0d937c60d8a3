/// Host power draw as a function of CPU utilization (docs/model.md "Power and energy").
///
/// `linear`: P(u) = idle + (max − idle) · u. `specpower`: 11 measured watt values at 0 %, 10 % … 100 %
/// load with linear interpolation between them (the SPECpower_ssj2008 convention used by CloudSim's
/// `PowerModelSpecPower*`). Idle is idle, not zero.
public struct PowerModel: Sendable, Equatable {
    /// Watts at 0 %, 10 %, … 100 % utilization (a linear model is stored as its 11-point table too).
    public let wattsByDecile: [Double]

    /// A linear model between `idleW` at 0 % and `maxW` at 100 %.
    public static func linear(idleW: Double, maxW: Double) -> PowerModel {
        PowerModel(wattsByDecile: (0...10).map { idleW + (maxW - idleW) * Double($0) / 10 })
    }

    /// An 11-point SPECpower table. Precondition: exactly 11 values (validated upstream).
    public static func specPower(_ watts: [Double]) -> PowerModel {
        precondition(watts.count == 11, "a SPECpower table has 11 values")
        return PowerModel(wattsByDecile: watts)
    }

    /// Power in watts at utilization `u` (clamped to 0…1).
    @inlinable
    public func watts(atUtilization u: Double) -> Double {
        let x = min(max(u, 0), 1) * 10
        let i = min(Int(x), 9)
        let frac = x - Double(i)
        return wattsByDecile[i] + (wattsByDecile[i + 1] - wattsByDecile[i]) * frac
    }

    /// Power at 0 % load.
    public var idleW: Double { wattsByDecile[0] }
    /// Power at 100 % load.
    public var maxW: Double { wattsByDecile[10] }
}
