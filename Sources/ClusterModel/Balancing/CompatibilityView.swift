/// The static vMotion checks DRS, DPM and evacuations apply to candidate moves, over copies of
/// the arrays they read. DRS does not use shared-nothing vMotion ([FD-2012-51vMotion]), so the
/// destination must mount the VM's datastore.
struct CompatibilityView {
    let vmHost: [Int32]
    let featureRank: [Int16]
    let datastore: [Int32]
    let network: [Int32]
    let hostState: [HostPowerState]
    let hosts: HostCompatibility
    let licenseAllowsVMotion: Bool

    /// Whether VM `v` could be vMotioned to host `d` (which must be `on`).
    @inline(__always)
    func compatible(_ v: Int, _ d: Int) -> Bool {
        let s = Int(vmHost[v])
        guard s >= 0, hostState[d] == .on, licenseAllowsVMotion else { return false }
        return hosts.vmkernel[s] && hosts.vmkernel[d] && hosts.vendor[s] == hosts.vendor[d]
            && Int(featureRank[v]) <= hosts.generation[d]
            && hosts.hasNetwork(d, network[v]) && hosts.hasDatastore(d, datastore[v])
    }
}
