/// The one rule set for where a VM may run and where it may be vMotioned (docs/model.md,
/// vMotion), used by requested migrations, DRS, evacuations, DPM's what-ifs, placement, HA
/// restarts and the `migration-compatible` invariant, each asking the part it needs:
///
/// - ``canRun(_:datastore:on:)``: the host mounts the VM's datastore, has its network label and,
///   under EVC, the cluster's CPU vendor (placement, HA restarts, DPM wake-ups);
/// - ``vmotionDetail(_:from:to:featureRank:datastore:sharedNothing:)``: the static vMotion checks
///   in vCenter's order — license, vMotion VMkernel port on both hosts, CPU vendor, the VM's CPU
///   feature level, network label, and a mounted datastore or a shared-nothing move.
///
/// Host state, reservations, HA failover hosts and rules are not static and are checked by the
/// callers (admission control is ``ClusterState/admitsReservations(_:on:)``).
struct VMotionCompatibility: Sendable {
    /// Per-host facts as flat arrays (vendor, generation, VMkernel port, datastore and network bits).
    let hosts: HostCompatibility
    let licenseAllowsVMotion: Bool
    /// Shared-nothing vMotion (disk copied too) exists from vSphere 5.1 on.
    let sharedNothingSupported: Bool
    /// The EVC baseline's vendor, when EVC is on.
    let evcVendor: CPUVendor?
    /// Each VM's network label.
    let vmNetwork: [Int32]
    private let mountsAny: [Bool]

    init(_ config: ClusterConfig) {
        hosts = HostCompatibility(config)
        licenseAllowsVMotion = config.license.allowsVMotion
        let version = config.vsphereVersion
        sharedNothingSupported = version.major > 5 || (version.major == 5 && version.minor >= 1)
        evcVendor = config.evc?.vendor
        vmNetwork = config.vms.map(\.network)
        mountsAny = config.hosts.map { !$0.datastores.isEmpty }
    }

    /// Whether host `h` could run VM `v` (on `datastore`) at all, whatever its state and load.
    @inline(__always)
    func canRun(_ v: Int, datastore: Int32, on h: Int) -> Bool {
        guard hosts.hasDatastore(h, datastore), hosts.hasNetwork(h, vmNetwork[v]) else { return false }
        if let evcVendor, evcVendor != hosts.vendor[h] { return false }
        return true
    }

    /// Why VM `v` (running on `s` at `featureRank`, on `datastore`) may not be vMotioned to `d`,
    /// or ``MigrationDetail/none``. The order is fixed so that each request gets one stable reason.
    /// `sharedNothing` says whether a destination without the VM's datastore may copy the disk.
    @inline(__always)
    func vmotionDetail(_ v: Int, from s: Int, to d: Int, featureRank: Int16, datastore: Int32, sharedNothing: Bool) -> MigrationDetail {
        guard licenseAllowsVMotion else { return .license }
        guard hosts.vmkernel[s], hosts.vmkernel[d] else { return .noVMotionVMkernel }
        guard hosts.vendor[s] == hosts.vendor[d] else { return .cpuVendorMismatch }
        guard Int(featureRank) <= hosts.generation[d] else { return .cpuFeatureLevel }
        guard hosts.hasNetwork(d, vmNetwork[v]) else { return .networkLabelMissing }
        if !hosts.hasDatastore(d, datastore) {
            guard mountsAny[d] else { return .datastoreNotShared }
            guard sharedNothing else { return .sharedNothingUnsupported }
        }
        return .none
    }

    /// Whether VM `v` may be vMotioned from `s` to `d` without copying its disk (DRS, evacuations
    /// and DPM's what-ifs: DRS does not use shared-nothing vMotion, [FD-2012-51vMotion]).
    @inline(__always)
    func allowsVMotion(_ v: Int, from s: Int, to d: Int, featureRank: Int16, datastore: Int32) -> Bool {
        vmotionDetail(v, from: s, to: d, featureRank: featureRank, datastore: datastore, sharedNothing: false) == .none
    }
}
