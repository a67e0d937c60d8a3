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
    private var hostDemand: [Double] = []
    private var hostCapped: [Double] = []
    private var hostMemory: [Double] = []
    private var hostResidents: [Int32] = []
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

    /// Running VMs and down VMs (not absent) at the latest ``allocateAll(_:_:)``, for the sample's row.
    private(set) var runningVMs = 0
    private(set) var downVMs = 0

    /// Divides each host's CPU by shares. One pass over the VMs in index order serves every VM
    /// its demand (capped by its vCPUs' core speed) and sums demand per host; only hosts whose
    /// capped demand exceeds their capacity are then grouped (counting sort) and divided by
    /// shares. Sums run in VM index order either way, as the grouped path did, so results are
    /// bit-identical (perf, fleet 2 days: the per-host gather was 8.2 % of the run, most hosts
    /// being uncontended).
    mutating func allocateAll(_ vms: inout VMTable, _ hosts: inout HostTable) {
        let nh = hosts.count
        if hostDemand.count != nh {
            hostDemand = Array(repeating: 0, count: nh)
            hostCapped = hostDemand; hostMemory = hostDemand
            hostResidents = Array(repeating: 0, count: nh)
        }
        var running = 0, down = 0
        hostDemand.withUnsafeMutableBufferPointer { demandSum in
        hostCapped.withUnsafeMutableBufferPointer { cappedSum in
        hostMemory.withUnsafeMutableBufferPointer { memorySum in
        hostResidents.withUnsafeMutableBufferPointer { residents in
        vms.cpuServedMHz.withUnsafeMutableBufferPointer { served in
            for h in 0..<nh { demandSum[h] = 0; cappedSum[h] = 0; memorySum[h] = 0; residents[h] = 0 }
            let host = vms.host, reason = vms.downReason, demand = vms.cpuDemandMHz, memory = vms.memoryDemandMB
            let stall = vms.memoryStall
            let core = hosts.coreMHz
            for v in 0..<served.count {
                let hi = host[v]
                guard hi != noIndex else {
                    if reason[v] != .absent { down += 1 }
                    continue
                }
                let h = Int(hi)
                // Memory contention stalls the same share of the VM's work (docs/model.md "Memory").
                let capped = min(demand[v] * (1 - stall[v]), vmVCPUs[v] * core[h])
                served[v] = capped
                demandSum[h] += demand[v]
                cappedSum[h] += capped
                memorySum[h] += memory[v]
                residents[h] += 1
                running += 1
            }
        }}}}}
        runningVMs = running
        downVMs = down
        var contended = false
        for h in 0..<nh {
            hosts.vmCount[h] = hostResidents[h]
            hosts.cpuDemandMHz[h] = hostDemand[h]
            hosts.memoryDemandMB[h] = hostMemory[h]
            let capacity = max(0, hosts.cpuCapacityMHz[h] - hosts.vmotionOverheadMHz[h])
            if hostCapped[h] <= capacity { hosts.cpuServedMHz[h] = hostCapped[h] } else { contended = true }
        }
        guard contended else { return }
        for h in 0...nh { hostStart[h] = 0 }
        for v in 0..<vms.count where vms.host[v] != noIndex { hostStart[Int(vms.host[v]) + 1] += 1 }
        for h in 0..<nh { hostStart[h + 1] += hostStart[h] }
        for h in 0...nh { hostFill[h] = hostStart[h] }
        for v in 0..<vms.count where vms.host[v] != noIndex {
            let h = Int(vms.host[v])
            hostOrder[Int(hostFill[h])] = Int32(v)
            hostFill[h] += 1
        }
        for h in 0..<nh where hostCapped[h] > max(0, hosts.cpuCapacityMHz[h] - hosts.vmotionOverheadMHz[h]) {
            allocateHost(h, from: Int(hostStart[h]), to: Int(hostStart[h + 1]), &vms, &hosts)
        }
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
            demand[j] = min(vms.cpuDemandMHz[v] * (1 - vms.memoryStall[v]), vmVCPUs[v] * coreCap)
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
