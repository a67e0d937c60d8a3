/// Groups hosts that are interchangeable for placement: same CPU and memory capacity, CPU vendor
/// and generation, vMotion port, datastores and networks. DRS tries only the least-loaded few
/// hosts of each class as destinations (see `planBalancing`).
enum HostClasses {
    /// A class id per host, numbered in order of first appearance.
    static func classes(of hosts: [HostConfig]) -> [Int32] {
        var representatives: [HostConfig] = []
        return hosts.map { h in
            if let i = representatives.firstIndex(where: { same($0, h) }) { return Int32(i) }
            representatives.append(h)
            return Int32(representatives.count - 1)
        }
    }

    static func same(_ a: HostConfig, _ b: HostConfig) -> Bool {
        a.cpuCapacityMHz == b.cpuCapacityMHz && a.memoryMB == b.memoryMB && a.coreMHz == b.coreMHz
            && a.vendor == b.vendor && a.generationRank == b.generationRank && a.hasVMotionVMkernel == b.hasVMotionVMkernel
            && a.datastores == b.datastores && a.networks == b.networks
    }
}
