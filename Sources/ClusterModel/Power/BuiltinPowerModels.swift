/// The SPECpower_ssj2008 tables shipped with drsim (docs/model.md "Power and energy"; values as cited in CloudSim's
/// `PowerModelSpecPower*` classes, docs/model.md "Power and energy").
public enum BuiltinPowerModels {
    /// HP ProLiant ML110 G4 (Xeon 3040, 2 × 1,860 MHz, 4 GB).
    public static let hpML110G4 = PowerModel.specPower([86, 89.4, 92.6, 96, 99.5, 102, 106, 108, 112, 114, 117])
    /// HP ProLiant ML110 G5 (Xeon 3075, 2 × 2,660 MHz, 4 GB).
    public static let hpML110G5 = PowerModel.specPower([93.7, 97, 101, 105, 110, 116, 121, 125, 129, 133, 135])
    /// IBM x3550 (2 × Xeon X5670, 12 × 2,933 MHz, 12 GB).
    public static let ibmX3550X5670 = PowerModel.specPower([66, 107, 120, 131, 143, 156, 173, 191, 211, 229, 247])
    /// IBM x3550 (2 × Xeon X5675, 12 × 3,067 MHz, 16 GB).
    public static let ibmX3550X5675 = PowerModel.specPower([58.4, 98, 109, 118, 128, 140, 153, 170, 189, 205, 222])

    /// Scenario names of the built-in tables, in documentation order.
    public static let all: [(name: String, model: PowerModel)] = [
        ("hp_ml110_g4", hpML110G4),
        ("hp_ml110_g5", hpML110G5),
        ("ibm_x3550_x5670", ibmX3550X5670),
        ("ibm_x3550_x5675", ibmX3550X5675),
    ]

    /// The built-in table called `name`, if any.
    public static func named(_ name: String) -> PowerModel? {
        all.first { $0.name == name }?.model
    }
}
