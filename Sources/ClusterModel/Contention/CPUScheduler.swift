/// Divides every host's CPU among its VMs after each sample (and after a VM moves), over the
/// VM and host tables passed `inout`: one exclusive access per call instead of one per element
/// (make bench, cluster-32x1000-30d-foundation: dynamic exclusivity checks were ~40 % of the run
/// when this lived in the runtime class). Scratch buffers are reused: no allocation per sample.
struct CPUScheduler {
    private var allocator = SharesAllocator()
    private var hostStart: [Int32]
    private var hostFill: [Int32]
    private var hostOrder: [Int32]
    private var demand: [Double] = []
    private var reservation: [Double] = []
    private var shares: [Double] = []
    private var served: [Double] = []
    let vmShares: [Double]
    let vmReservation: [Double]
    let vmVCPUs: [Double]

    init(_ config: ClusterConfig) {
        hostStart = Array(repeating: 0, count: config.hosts.count + 1)
        hostFill = hostStart
        hostOrder = Array(repeating: 0, count: config.vms.count)
        vmShares = config.vms.map { $0.sharesPerVCPU * Double($0.vcpus) }
        vmReservation = config.vms.map(\.reservationMHz)
        vmVCPUs = config.vms.map { Double($0.vcpus) }
    }

    /// Groups running VMs by host (counting sort) and divides each host's CPU by shares.
    mutating func allocateAll(_ vms: inout VMTable, _ hosts: inout HostTable) {
        let nh = hosts.count
        for h in 0...nh { hostStart[h] = 0 }
        for v in 0..<vms.count where vms.host[v] != noIndex { hostStart[Int(vms.host[v]) + 1] += 1 }
        for h in 0..<nh { hostStart[h + 1] += hostStart[h] }
        for h in 0...nh { hostFill[h] = hostStart[h] }
        for v in 0..<vms.count where vms.host[v] != noIndex {
            let h = Int(vms.host[v])
            hostOrder[Int(hostFill[h])] = Int32(v)
            hostFill[h] += 1
        }
        for h in 0..<nh { allocateHost(h, from: Int(hostStart[h]), to: Int(hostStart[h + 1]), &vms, &hosts) }
    }

    /// Re-divides the CPU of hosts `a` and `b` only (after a VM moved between them): O(VMs) to
    /// find their residents, then two allocations. (make bench, cluster-32x1000-30d: a full
    /// allocation per completed vMotion dominated.)
    mutating func reallocate(_ a: Int, _ b: Int, _ vms: inout VMTable, _ hosts: inout HostTable) {
        var n = 0
        for v in 0..<vms.count where vms.host[v] == Int32(a) { hostOrder[n] = Int32(v); n += 1 }
        allocateHost(a, from: 0, to: n, &vms, &hosts)
        guard b != a else { return }
        n = 0
        for v in 0..<vms.count where vms.host[v] == Int32(b) { hostOrder[n] = Int32(v); n += 1 }
        allocateHost(b, from: 0, to: n, &vms, &hosts)
    }

    /// Divides host `h`'s CPU among the VMs `hostOrder[lo..<hi]` and updates its totals.
    private mutating func allocateHost(_ h: Int, from lo: Int, to hi: Int, _ vms: inout VMTable, _ hosts: inout HostTable) {
        let k = hi - lo
        hosts.vmCount[h] = Int32(k)
        if demand.count < k {
            demand = Array(repeating: 0, count: k * 2)
            reservation = demand; shares = demand; served = demand
        }
        var demandSum = 0.0, memSum = 0.0
        let coreCap = hosts.coreMHz[h]
        for j in 0..<k {
            let v = Int(hostOrder[lo + j])
            demand[j] = min(vms.cpuDemandMHz[v], vmVCPUs[v] * coreCap)
            reservation[j] = vmReservation[v]
            shares[j] = vmShares[v]
            demandSum += vms.cpuDemandMHz[v]
            memSum += vms.memoryDemandMB[v]
        }
        let capacity = max(0, hosts.cpuCapacityMHz[h] - hosts.vmotionOverheadMHz[h])
        demand.withUnsafeBufferPointer { d in
            reservation.withUnsafeBufferPointer { r in
                shares.withUnsafeBufferPointer { s in
                    served.withUnsafeMutableBufferPointer { out in
                        allocator.allocate(
                            demand: UnsafeBufferPointer(rebasing: d[0..<k]),
                            reservation: UnsafeBufferPointer(rebasing: r[0..<k]),
                            shares: UnsafeBufferPointer(rebasing: s[0..<k]),
                            capacity: capacity,
                            served: UnsafeMutableBufferPointer(rebasing: out[0..<k]))
                    }
                }
            }
        }
        var total = 0.0
        for j in 0..<k {
            vms.cpuServedMHz[Int(hostOrder[lo + j])] = served[j]
            total += served[j]
        }
        hosts.cpuDemandMHz[h] = demandSum
        hosts.cpuServedMHz[h] = total
        hosts.memoryDemandMB[h] = memSum
    }
}
