/// Divides every host's memory among its VMs after each sample (docs/model.md "Memory"),
/// over the VM and host tables passed `inout`, like ``CPUScheduler``: one pass over the VMs sums
/// each host's consumed memory; only hosts under pressure (or VMs with a memory limit) get a
/// second pass, and only hosts that must balloon, compress or swap are grouped and divided.
/// Scratch buffers are reused: no allocation per sample.
///
/// Per host, free memory = capacity − Σ (consumed − above-limit) − Σ overhead:
/// - below 400 % of minFree large pages are broken and intra-VM page sharing saves
///   ``MemoryModel/sharingSavings`` of consumed memory (inter-VM sharing is off since 2014);
/// - the state follows free memory after sharing (``HostMemoryState``); in `soft` or worse the
///   balloon reclaims, up to 65 % of each VM's unreserved memory, idle memory first, shares-weighted,
///   what brings free memory back to 64 % of minFree; if free memory stays below 32 % of minFree,
///   compression (2 : 1 into a cache of 10 % of the VM's memory) and then swapping bring it back;
/// - memory above a VM's limit is never resident: it is ballooned (up to the balloon maximum) and
///   the rest swapped, whatever the host's state;
/// - reserved memory that the VM consumed is never reclaimed.
/// Active memory that is not resident (ballooned, compressed or swapped) is contention; the VM's
/// CPU work is slowed by the same share ([I], see docs/model.md).
struct MemoryScheduler {
    let configuredMB: [Double]
    let reservationMB: [Double]
    let limitMB: [Double]
    let overheadMB: [Double]
    /// Size / shares weight of each VM (a VM with more shares per MB gives up less).
    let weight: [Double]
    /// Balloon maximum: 65 % of configured − reservation ([D40-AdvMem] Mem.CtlMaxPercent).
    let balloonCapMB: [Double]
    /// Original pages that fit the compression cache (10 % of memory at 2 : 1).
    let compressCapMB: [Double]
    let anyLimit: Bool
    let model: MemoryModel

    private var hostConsumed: [Double] = []
    private var hostOverhead: [Double] = []
    private var hostSharing: [Bool] = []
    private var hostBalloonNeed: [Double] = []
    private var hostSwapTarget: [Double] = []
    private var hostStart: [Int32] = []
    private var hostFill: [Int32] = []
    private var hostOrder: [Int32]
    private var reclaimedLastSample = false
    // Per-host division scratch (k = residents of one host).
    private var caps: [Double] = []
    private var weights: [Double] = []
    private var alloc: [Double] = []

    /// Totals of the latest ``allocateAll(_:_:)`` over running VMs, for the sample's row.
    private(set) var totals = MemoryTotals()

    init(_ config: ClusterConfig) {
        configuredMB = config.vms.map(\.memoryMB)
        reservationMB = config.vms.map { min($0.memoryReservationMB, $0.memoryMB) }
        limitMB = config.vms.map(\.memoryLimitMB)
        overheadMB = config.vms.map(\.overheadMB)
        weight = config.vms.map { $0.memoryMB / max($0.memorySharesPerMB, 1e-9) }
        balloonCapMB = config.vms.map { MemoryModel.balloonMaxFraction * max(0, $0.memoryMB - min($0.memoryReservationMB, $0.memoryMB)) }
        compressCapMB = config.vms.map { MemoryModel.compressionCacheFraction * MemoryModel.compressionRatio * $0.memoryMB }
        anyLimit = config.vms.contains { $0.memoryLimitMB < $0.memoryMB }
        model = config.memory
        hostOrder = Array(repeating: 0, count: config.vms.count)
    }

    /// Updates every running VM's reclaimed memory, contention and stall, and every host's memory state.
    mutating func allocateAll(_ vms: inout VMTable, _ hosts: inout HostTable) {
        let nh = hosts.count
        if hostConsumed.count != nh {
            hostConsumed = Array(repeating: 0, count: nh)
            hostOverhead = hostConsumed; hostBalloonNeed = hostConsumed; hostSwapTarget = hostConsumed
            hostSharing = Array(repeating: false, count: nh)
            hostStart = Array(repeating: 0, count: nh + 1)
            hostFill = hostStart
        }
        var t = MemoryTotals()
        let host = vms.host, consumed = vms.consumedMemoryMB, active = vms.activeMemoryMB
        // One pass over raw buffers in VM index order (no uniqueness or bounds check per VM), as
        // the CPU scheduler's (make bench, fleet 30 d: the checked version made sampling ~20 %
        // slower than before this scheduler existed).
        let withLimits = anyLimit
        hostConsumed.withUnsafeMutableBufferPointer { consumedSum in
        hostOverhead.withUnsafeMutableBufferPointer { overheadSum in
        host.withUnsafeBufferPointer { host in
        consumed.withUnsafeBufferPointer { consumed in
        active.withUnsafeBufferPointer { active in
        configuredMB.withUnsafeBufferPointer { configured in
        overheadMB.withUnsafeBufferPointer { overhead in
        limitMB.withUnsafeBufferPointer { limit in
            for h in 0..<nh { consumedSum[h] = 0; overheadSum[h] = 0 }
            var configuredTotal = 0.0, consumedTotal = 0.0, activeTotal = 0.0
            for v in 0..<host.count {
                let hi = host[v]
                guard hi != noIndex else { continue }
                let h = Int(hi)
                let c = consumed[v]
                consumedSum[h] += withLimits ? min(c, limit[v]) : c
                overheadSum[h] += overhead[v]
                configuredTotal += configured[v]
                consumedTotal += c
                activeTotal += active[v]
            }
            t.configuredMB = configuredTotal
            t.consumedMB = consumedTotal
            t.activeMB = activeTotal
        }}}}}}}}
        var sharing = false, contended = false
        for h in 0..<nh {
            hostSharing[h] = false; hostBalloonNeed[h] = 0; hostSwapTarget[h] = 0
            guard hosts.state[h].runsVMs else { hosts.memoryState[h] = .high; continue }
            t.capacityMB += hosts.memoryCapacityMB[h]
            let minFree = hosts.minFreeMB[h]
            var free = hosts.memoryCapacityMB[h] - hostConsumed[h] - hostOverhead[h]
            if free < minFree * HostMemoryState.breakLargePages && model.sharingSavings > 0 && hostConsumed[h] > 0 {
                hostSharing[h] = true
                sharing = true
                free += model.sharingSavings * hostConsumed[h]
            }
            let state = HostMemoryState.of(freeMB: free, minFreeMB: minFree)
            hosts.memoryState[h] = state
            if state >= .soft {
                t.hostsSoftOrWorse += 1
                hostBalloonNeed[h] = minFree * HostMemoryState.softBelow - free
                hostSwapTarget[h] = minFree * HostMemoryState.hardBelow - free
                contended = true
            }
        }
        guard sharing || contended || anyLimit || reclaimedLastSample else {
            totals = t
            return
        }
        // Second pass: sharing and limits per VM; VMs of contended hosts are grouped for division.
        var reclaimed = false
        for h in 0...nh { hostStart[h] = 0 }
        for v in 0..<host.count {
            let hi = host[v]
            guard hi != noIndex else {
                vms.sharedMB[v] = 0; vms.balloonedMB[v] = 0; vms.compressedMB[v] = 0; vms.swappedMB[v] = 0
                vms.contentionMB[v] = 0; vms.memoryStall[v] = 0
                continue
            }
            let h = Int(hi)
            let c = consumed[v]
            let over = max(0, c - limitMB[v])
            let shared = hostSharing[h] ? model.sharingSavings * (c - over) : 0
            let ballooned = min(over, balloonCapMB[v])
            vms.sharedMB[v] = shared
            vms.balloonedMB[v] = ballooned
            vms.compressedMB[v] = 0
            vms.swappedMB[v] = over - ballooned
            if hostBalloonNeed[h] > 0 { hostStart[h + 1] += 1 }
            if over > 0 || shared > 0 { reclaimed = true }
        }
        if contended {
            reclaimed = true
            for h in 0..<nh { hostStart[h + 1] += hostStart[h] }
            for h in 0...nh { hostFill[h] = hostStart[h] }
            for v in 0..<host.count where host[v] != noIndex && hostBalloonNeed[Int(host[v])] > 0 {
                let h = Int(host[v])
                hostOrder[Int(hostFill[h])] = Int32(v)
                hostFill[h] += 1
            }
            for h in 0..<nh where hostBalloonNeed[h] > 0 {
                reclaim(h, from: Int(hostStart[h]), to: Int(hostStart[h + 1]), &vms)
            }
        }
        for v in 0..<host.count where host[v] != noIndex {
            let c = consumed[v], a = active[v]
            let away = vms.balloonedMB[v] + vms.compressedMB[v] + vms.swappedMB[v]
            let contention = max(0, a - (c - away))
            vms.contentionMB[v] = contention
            vms.memoryStall[v] = a > 0 ? min(1, contention / a) : 0
            t.balloonedMB += vms.balloonedMB[v]
            t.compressedMB += vms.compressedMB[v]
            t.swappedMB += vms.swappedMB[v]
            t.contentionMB += contention
        }
        reclaimedLastSample = reclaimed
        totals = t
    }

    /// A VM just powered on (or restarted): nothing reclaimed yet but what lies above its limit
    /// (ballooned up to the balloon maximum, the rest swapped); the next sample divides its host.
    func settle(_ v: Int, _ vms: inout VMTable) {
        let c = vms.consumedMemoryMB[v], a = vms.activeMemoryMB[v]
        let over = max(0, c - limitMB[v])
        let ballooned = min(over, balloonCapMB[v])
        vms.sharedMB[v] = 0
        vms.balloonedMB[v] = ballooned
        vms.compressedMB[v] = 0
        vms.swappedMB[v] = over - ballooned
        let contention = max(0, a - (c - over))
        vms.contentionMB[v] = contention
        vms.memoryStall[v] = a > 0 ? min(1, contention / a) : 0
    }

    /// Balloons, then compresses and swaps, the VMs `hostOrder[lo..<hi]` of host `h` (see the type's notes).
    private mutating func reclaim(_ h: Int, from lo: Int, to hi: Int, _ vms: inout VMTable) {
        let k = hi - lo
        guard k > 0 else { return }
        if caps.count < k {
            caps = Array(repeating: 0, count: k * 2)
            weights = caps; alloc = caps
        }
        for j in 0..<k { weights[j] = weight[Int(hostOrder[lo + j])] }
        func idleRoom(_ v: Int) -> Double {
            let resident = vms.consumedMemoryMB[v] - vms.sharedMB[v] - vms.balloonedMB[v] - vms.compressedMB[v] - vms.swappedMB[v]
            let idle = max(0, resident - vms.activeMemoryMB[v])
            return max(0, min(idle, resident - reservationMB[v]))
        }
        func room(_ v: Int) -> Double {
            let resident = vms.consumedMemoryMB[v] - vms.sharedMB[v] - vms.balloonedMB[v] - vms.compressedMB[v] - vms.swappedMB[v]
            return max(0, resident - reservationMB[v])
        }
        // Balloon: idle memory first, then active, within each VM's balloon maximum.
        var need = hostBalloonNeed[h]
        for idleOnly in [true, false] where need > 1e-9 {
            for j in 0..<k {
                let v = Int(hostOrder[lo + j])
                let balloonRoom = max(0, balloonCapMB[v] - vms.balloonedMB[v])
                caps[j] = min(balloonRoom, idleOnly ? idleRoom(v) : room(v))
            }
            let got = fill(need, k)
            for j in 0..<k { vms.balloonedMB[Int(hostOrder[lo + j])] += alloc[j] }
            need -= got
        }
        // Compression then swapping bring free memory back to the hard threshold. A compressed
        // page still takes half its size in the cache, so compression is used only as far as the
        // rest can still be met by swapping the remaining room (ESXi swaps pages that do not
        // compress well; [I] the split). Swapped pages are picked over the whole room.
        let swapNeed = hostSwapTarget[h] - (hostBalloonNeed[h] - need)
        guard swapNeed > 1e-9 else { return }
        var totalRoom = 0.0
        for j in 0..<k { totalRoom += room(Int(hostOrder[lo + j])) }
        let saving = 1 - 1 / MemoryModel.compressionRatio
        let compressible = totalRoom > swapNeed ? min(swapNeed / saving, (totalRoom - swapNeed) / (1 - saving)) : 0
        var compressedSaving = 0.0
        if compressible > 1e-9 {
            for j in 0..<k {
                let v = Int(hostOrder[lo + j])
                caps[j] = min(max(0, compressCapMB[v] - vms.compressedMB[v]), room(v))
            }
            compressedSaving = fill(compressible, k) * saving
            for j in 0..<k { vms.compressedMB[Int(hostOrder[lo + j])] += alloc[j] }
        }
        let rest = swapNeed - compressedSaving
        guard rest > 1e-9 else { return }
        for j in 0..<k { caps[j] = room(Int(hostOrder[lo + j])) }
        _ = fill(rest, k)
        for j in 0..<k { vms.swappedMB[Int(hostOrder[lo + j])] += alloc[j] }
    }

    /// Divides `need` over `caps[0..<k]` in proportion to `weights`, no one above its cap
    /// (water-filling), into `alloc`; returns the amount placed (≤ need, ≤ Σ caps).
    private mutating func fill(_ need: Double, _ k: Int) -> Double {
        var remaining = need
        var open = 0
        var weightSum = 0.0
        for j in 0..<k {
            alloc[j] = 0
            if caps[j] > 0 { open += 1; weightSum += weights[j] }
        }
        while remaining > 1e-9 && open > 0 && weightSum > 0 {
            var capped = false
            let rate = remaining / weightSum
            for j in 0..<k where caps[j] > alloc[j] && rate * weights[j] >= caps[j] - alloc[j] {
                remaining -= caps[j] - alloc[j]
                alloc[j] = caps[j]
                weightSum -= weights[j]
                open -= 1
                capped = true
            }
            if capped { continue }
            for j in 0..<k where caps[j] > alloc[j] { alloc[j] += rate * weights[j] }
            remaining = 0
        }
        return need - max(0, remaining)
    }
}

/// Cluster totals of one memory division, over running VMs and hosts that run VMs.
struct MemoryTotals {
    var configuredMB = 0.0
    var consumedMB = 0.0
    var activeMB = 0.0
    var balloonedMB = 0.0
    var compressedMB = 0.0
    var swappedMB = 0.0
    var contentionMB = 0.0
    var capacityMB = 0.0
    var hostsSoftOrWorse = 0
}
