extension ClusterRuntime {
    /// vMotion stage 1: the checks vCenter makes when a migration is requested (DESIGN §4.4,
    /// vmware-facts §3.4). Returns ``MigrationDetail/none`` when the request may proceed.
    /// The order is fixed so that each request gets one stable reason code.
    public func checkMigration(vm v: Int, to d: Int) -> MigrationDetail {
        let s = Int(vms.host[v])
        guard s != Int(noIndex) else { return .vmNotRunning }
        if vms.migrating[v] { return .alreadyMigrating }
        if s == d { return .sameHost }
        guard hosts.state[d] == .on else { return .destinationNotOn }
        guard config.license.allowsVMotion else { return .license }
        let src = hosts.configs[s], dst = hosts.configs[d]
        guard src.hasVMotionVMkernel, dst.hasVMotionVMkernel else { return .noVMotionVMkernel }
        guard src.vendor == dst.vendor else { return .cpuVendorMismatch }
        guard Int(vms.featureRank[v]) <= dst.generationRank else { return .cpuFeatureLevel }
        guard dst.networks.contains(vms.configs[v].network) else { return .networkLabelMissing }
        if !dst.datastores.contains(vms.datastore[v]) {
            guard !dst.datastores.isEmpty else { return .datastoreNotShared }
            let version = config.vsphereVersion
            guard version.major > 5 || (version.major == 5 && version.minor >= 1) else { return .sharedNothingUnsupported }
        }
        guard admitsReservations(v, on: d) else { return reservationShortfall(v, on: d) }
        // HA admission control: a vMotion onto a dedicated failover host is refused.
        guard !isReservedFailoverHost(d) else { return .haFailoverHost }
        // vCenter refuses a vMotion that would break a `must` VM-Host rule [Docs-Affinity-VMHost].
        guard rules.allows(v, on: d, mustOnly: true, hostOf: { vms.host[$0] }) else { return .mustRule }
        return .none
    }

    /// Whether moving VM `v` to host `d` would be a shared-nothing vMotion (disk copied too).
    public func isSharedNothing(vm v: Int, to d: Int) -> Bool {
        !hosts.configs[d].datastores.contains(vms.datastore[v])
    }
}
