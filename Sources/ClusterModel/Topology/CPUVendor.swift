/// CPU vendor class. vMotion never crosses vendors (vmware-facts §3.4). CPU generations are
/// carried as ranks in the vendor's EVC ladder (the ladder itself lives with the scenario format).
public enum CPUVendor: String, Sendable, CaseIterable {
    case intel, amd
}
