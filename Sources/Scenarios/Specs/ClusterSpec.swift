/// A vSphere cluster (docs/scenario-format.md "Clusters"): hosts, VMs, storage and networks, license, EVC,
/// the effective DRS / DPM / vMotion / HA settings, DRS groups and rules.
///
/// After loading, `drs`, `dpm`, `vmotion` and `ha` are the cluster's *effective* settings: the
/// scenario-level blocks overridden key by key by the cluster's own blocks, with `dpm.min_hosts_on`
/// filled in.
public struct ClusterSpec: Codable, Hashable, Sendable {
    /// License edition; vMotion needs Essentials Plus or better, DRS and DPM Enterprise or better.
    public enum License: String, SpecEnum {
        case essentials
        case essentialsPlus = "essentials_plus"
        case standard, enterprise
        case enterprisePlus = "enterprise_plus"
    }

    /// Cluster name (required, unique; may contain spaces, dots and commas).
    public var name: String
    /// License edition. Default `enterprise_plus`.
    public var license = License.enterprisePlus
    /// vSphere version as `major.minor[.patch]` (shared-nothing vMotion needs ≥ 5.1; DRS `auto`
    /// runs score DRS from 7.0 on). Default: the scenario's `vsphere_version` ("6.7").
    public var vsphereVersion = "6.7"
    /// EVC baseline (a ``CPUGenerationCatalog`` name), or none. Default none.
    public var evc: String?
    /// Datastores mounted by every host unless a host entry overrides. Default `[datastore1]`.
    public var datastores = ["datastore1"]
    /// Port groups on every host unless a host entry overrides. Default `[VM Network]`.
    public var networks = ["VM Network"]
    /// Host entries (required, non-empty).
    public var hosts: [HostEntrySpec]
    /// VM entries (required, non-empty).
    public var vms: [VMEntrySpec]
    /// Effective DRS settings.
    public var drs = DRSSpec()
    /// Effective DPM settings.
    public var dpm = DPMSpec()
    /// Effective vMotion settings.
    public var vmotion = VMotionSpec()
    /// Effective HA settings.
    public var ha = HASpec()
    /// DRS host groups. Default none.
    public var hostGroups = GroupMapSpec()
    /// DRS VM groups. Default none.
    public var vmGroups = GroupMapSpec()
    /// DRS rules. Default none.
    public var rules: [RuleSpec] = []

    /// Share of a VM's consumed memory saved by intra-VM page sharing once its host breaks large
    /// pages: [I] 0.05, no scenario key (docs/model.md "Memory").
    public static let pageSharingSavings = 0.05

    /// A cluster with default settings.
    public init(name: String, hosts: [HostEntrySpec], vms: [VMEntrySpec]) {
        self.name = name
        self.hosts = hosts
        self.vms = vms
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, license
        case vsphereVersion = "vsphere_version"
        case evc, datastores, networks, hosts, vms, drs, dpm, vmotion, ha
        case hostGroups = "host_groups"
        case vmGroups = "vm_groups"
        case rules
    }
}

extension ClusterSpec {
    /// `vsphere_version` as a comparable number (nil if malformed; validation refuses that).
    public var vsphereVersionNumber: VersionNumber? { VersionNumber(vsphereVersion) }

    /// True when shared-nothing vMotion (no common datastore) is available: vSphere 5.1 or later.
    public var allowsSharedNothingVMotion: Bool {
        guard let version = vsphereVersionNumber, let minimum = VersionNumber("5.1") else { return false }
        return version >= minimum
    }
}
