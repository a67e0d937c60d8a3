/// The vMotion checks DRS, DPM and evacuations apply to candidate moves: the one rule set
/// (``VMotionCompatibility``) over the arrays that change between passes (where each VM runs, its
/// feature level and datastore, host states), taken once per pass. DRS does not use shared-nothing
/// vMotion ([FD-2012-51vMotion]), so the destination must mount the VM's datastore.
struct CompatibilityView {
    let vmHost: [Int32]
    let featureRank: [Int16]
    let datastore: [Int32]
    let hostState: [HostPowerState]
    let rules: VMotionCompatibility

    init(hosts: HostTable, vms: VMTable, rules: VMotionCompatibility) {
        vmHost = vms.host
        featureRank = vms.featureRank
        datastore = vms.datastore
        hostState = hosts.state
        self.rules = rules
    }

    /// Whether VM `v` could be vMotioned to host `d` (which must be `on`).
    @inline(__always)
    func compatible(_ v: Int, _ d: Int) -> Bool {
        let s = Int(vmHost[v])
        guard s >= 0, hostState[d] == .on else { return false }
        return rules.allowsVMotion(v, from: s, to: d, featureRank: featureRank[v], datastore: datastore[v])
    }
}
