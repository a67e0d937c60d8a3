/// The four published SPECpower tables shipped with drsim (docs/model.md "Power and energy"): watts at 0 %,
/// 10 % … 100 % load, from the SPECpower_ssj2008 results most used in the consolidation literature (e.g.
/// Beloglazov & Buyya, CloudSim's `PowerModelSpecPower*`).
public enum BuiltinPowerTable: String, SpecEnum {
    /// HP ProLiant ML110 G4 (Xeon 3040, 2 × 1860 MHz, 4 GB).
    case hpML110G4 = "hp_ml110_g4"
    /// HP ProLiant ML110 G5 (Xeon 3075, 2 × 2660 MHz, 4 GB).
    case hpML110G5 = "hp_ml110_g5"
    /// IBM System x3550 M3 (2 × Xeon X5670, 12 × 2933 MHz, 12 GB).
    case ibmX3550X5670 = "ibm_x3550_x5670"
    /// IBM System x3550 M3 (2 × Xeon X5675, 12 × 3067 MHz, 16 GB).
    case ibmX3550X5675 = "ibm_x3550_x5675"

    /// Watts at 0 %, 10 % … 100 % load (11 values).
    public var watts: [Double] {
        switch self {
        case .hpML110G4: return [86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117]
        case .hpML110G5: return [93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135]
        case .ibmX3550X5670: return [66, 107, 120, 131, 143, 156, 173, 191, 211, 229, 247]
        case .ibmX3550X5675: return [58.4, 98, 109, 118, 128, 140, 153, 170, 189, 205, 222]
        }
    }
}
