/// A rough linear power model for a host known only by its core count and CPU generation.
///
/// `max_w = 100 W + 9 W × physical cores`; `idle_w = 33 %` of that for power-managed CPUs
/// (Nehalem / K10 and later: deep C-states), `70 %` for older ones (merom, penryn, rev_e, rev_f).
/// Checked against the SPECpower figures in DESIGN §4.3 and the demo's r650: 2 × 24-core Ice
/// Lake → 176/532 W (demo 180/520); IBM x3550 M3, 12 Westmere cores → 69/208 W (SPECpower
/// 58–66/222–247); HP ML110 G4, 2 Merom cores → 83/118 W (SPECpower 86/117). Good to ±20 %;
/// replace with measured or SPECpower values when you have them.
enum PowerEstimate {
    /// The estimated (idle, max) watts.
    static func linear(totalCores: Int, generation: String) -> (idleW: Int, maxW: Int) {
        let maxW = 100 + 9 * Double(totalCores)
        let idleFraction = ["merom", "penryn", "rev_e", "rev_f"].contains(generation) ? 0.70 : 0.33
        return (Int((maxW * idleFraction).rounded()), Int(maxW.rounded()))
    }
}
