/// CPU vendor class. vMotion never crosses vendors (vmware-facts §3.4).
public enum CPUVendor: String, Sendable, CaseIterable {
    case intel, amd
}

/// Ordered CPU feature levels per vendor (vSphere's EVC baselines), used for EVC and the vMotion feature check.
///
/// A VM's feature level is fixed at power-on: the cluster's EVC baseline if set, else its
/// power-on host's generation. It may move only to hosts whose generation rank is at least that
/// level (vmware-facts §3.4, [Docs-EVC], [FD-2010-EVC]).
public enum CPUGeneration {
    /// Intel EVC ladder, oldest first.
    public static let intel: [String] = [
        "merom", "penryn", "nehalem", "westmere", "sandybridge", "ivybridge", "haswell",
        "broadwell", "skylake", "cascadelake", "icelake", "sapphirerapids",
    ]
    /// AMD EVC ladder, oldest first.
    public static let amd: [String] = [
        "rev_e", "rev_f", "greyhound", "bulldozer", "piledriver", "steamroller",
        "zen", "zen2", "zen3", "zen4",
    ]

    /// The ladder of `vendor`.
    public static func ladder(_ vendor: CPUVendor) -> [String] {
        vendor == .intel ? intel : amd
    }

    /// Rank of `name` in the ladder of `vendor`, or nil if unknown.
    public static func rank(_ name: String, vendor: CPUVendor) -> Int? {
        ladder(vendor).firstIndex(of: name)
    }

    /// The vendor whose ladder contains `name`, if any.
    public static func vendor(of name: String) -> CPUVendor? {
        if intel.contains(name) { return .intel }
        if amd.contains(name) { return .amd }
        return nil
    }
}
