/// The CPU generations drsim knows, oldest first per vendor, named after vSphere's EVC baselines.
///
/// A generation's rank orders CPU feature levels: a VM powered on at feature level g (the cluster's
/// EVC baseline, else its power-on host's generation) can only move to hosts of generation ≥ g
/// (docs/model.md "vMotion"). Source: VMware KB 1003212 (EVC processor support).
public enum CPUGenerationCatalog {
    /// Intel EVC baselines, oldest first.
    public static let intel = [
        "merom", "penryn", "nehalem", "westmere", "sandybridge", "ivybridge", "haswell", "broadwell",
        "skylake", "cascadelake", "icelake", "sapphirerapids", "emeraldrapids", "graniterapids",
    ]

    /// AMD EVC baselines, oldest first.
    public static let amd = [
        "opteron_g1", "opteron_g2", "opteron_g3", "opteron_g4", "piledriver", "zen", "zen2", "zen3", "zen4",
    ]

    /// The generations of `vendor`, oldest first.
    public static func generations(for vendor: CPUSpec.Vendor) -> [String] {
        switch vendor {
        case .intel: return intel
        case .amd: return amd
        }
    }

    /// The 0-based rank of `generation` for `vendor` (higher is newer), or nil if unknown.
    public static func rank(of generation: String, vendor: CPUSpec.Vendor) -> Int? {
        generations(for: vendor).firstIndex(of: generation)
    }

    /// The newest known generation of `vendor` (the default when a profile gives none).
    public static func newest(for vendor: CPUSpec.Vendor) -> String {
        generations(for: vendor).last ?? ""
    }

    /// The vendor whose catalog contains `generation`, if any.
    public static func vendor(of generation: String) -> CPUSpec.Vendor? {
        CPUSpec.Vendor.allCases.first { rank(of: generation, vendor: $0) != nil }
    }
}
