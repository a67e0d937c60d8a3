/// CPU vendor class. vMotion never crosses vendors (docs/model.md "vMotion"). CPU generations are
/// carried as ranks in the vendor's EVC ladder (the ladder itself lives with the scenario format).
public enum CPUVendor: String, Sendable, CaseIterable {
    case intel, amd
}
