/// Static per-host facts the vMotion compatibility checks need, as flat arrays: CPU vendor and
/// generation, vMotion VMkernel port, and datastore / network membership as bit matrices.
struct HostCompatibility: Sendable {
    let vendor: [CPUVendor]
    let generation: [Int]
    let vmkernel: [Bool]
    private let datastoreBits: [Bool]
    private let networkBits: [Bool]
    private let datastores: Int
    private let networks: Int

    init(_ config: ClusterConfig) {
        vendor = config.hosts.map(\.vendor)
        generation = config.hosts.map(\.generationRank)
        vmkernel = config.hosts.map(\.hasVMotionVMkernel)
        let ids = config.hosts.flatMap { $0.datastores } + config.vms.map(\.datastore)
        datastores = Int((ids.max() ?? 0) + 1)
        let nets = config.hosts.flatMap { $0.networks } + config.vms.map(\.network)
        networks = Int((nets.max() ?? 0) + 1)
        var d = Array(repeating: false, count: config.hosts.count * datastores)
        var n = Array(repeating: false, count: config.hosts.count * networks)
        for (h, host) in config.hosts.enumerated() {
            for id in host.datastores { d[h * datastores + Int(id)] = true }
            for id in host.networks { n[h * networks + Int(id)] = true }
        }
        datastoreBits = d
        networkBits = n
    }

    @inline(__always)
    func hasDatastore(_ h: Int, _ id: Int32) -> Bool { id >= 0 && Int(id) < datastores && datastoreBits[h * datastores + Int(id)] }

    @inline(__always)
    func hasNetwork(_ h: Int, _ id: Int32) -> Bool { id >= 0 && Int(id) < networks && networkBits[h * networks + Int(id)] }
}
