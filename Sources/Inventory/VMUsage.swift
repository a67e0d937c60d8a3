/// Observed CPU and memory utilization of each imported VM, derived from what RVTools exports.
///
/// CPU mean: the VM's own usage when the `vCPU` tab has it — `Overall` MHz / (vCPUs × its host's
/// core MHz), or / `Max` when the host is unknown — clamped to 0.01–1. Otherwise (`vInfo` has no
/// per-VM CPU usage) its host's observed usage shared per vCPU among the host's powered-on VMs:
/// `mean = (CPU usage % / 100) × physical cores / Σ vCPUs of the host's VMs`, clamped to
/// 0.01–1. A VM whose host is missing or has no `CPU usage %` gets ``defaultCPUMean``.
/// Active memory fraction: vMemory's `Active` / size, else vInfo's `Active Memory / Memory`
/// (0.01–1); else the host's
/// `Memory usage %` × host memory / Σ memory of its VMs (0.05–1, consumed rather than active,
/// so an upper estimate); else unknown (the scenario default applies). Consumed fraction:
/// vMemory's `Consumed` / size (0.01–1), when exported.
struct VMUsage {
    /// The CPU mean assumed when nothing is known.
    static let defaultCPUMean = 0.25
    /// The lower edges of the CPU usage bands that VM profiles group by (0–5 %, 5–15 %, 15–30 %,
    /// 30–50 %, 50–75 %, 75–100 %): narrow where most VMs are, wide where few are.
    static let bandEdges = [0.0, 0.05, 0.15, 0.30, 0.50, 0.75]

    /// The band of a CPU mean (an index into ``bandEdges``).
    static func band(_ mean: Double) -> Int {
        bandEdges.lastIndex { mean >= $0 } ?? 0
    }

    /// `cpu15-30` for band 2.
    static func bandName(_ band: Int) -> String {
        let low = Int((bandEdges[band] * 100).rounded())
        let high = band + 1 < bandEdges.count ? Int((bandEdges[band + 1] * 100).rounded()) : 100
        return "cpu\(low)-\(high)"
    }

    /// Per VM (same order as the VMs given), CPU utilization 0–1.
    let cpuMean: [Double]
    /// Per VM, active memory fraction, when known.
    let activeFraction: [Double?]
    /// Per VM, consumed memory fraction, when known.
    let consumedFraction: [Double?]
    /// How many VMs' CPU means come from their own vCPU `Overall` usage.
    let ownCPUCount: Int
    /// How many VMs got ``defaultCPUMean``, and their names.
    let defaultedCount: Int
    let defaultedNames: [String]

    init(hosts: [HostRecord], vms: [VMRecord]) {
        var hostIndex: [String: Int] = [:]
        for (index, host) in hosts.enumerated() where hostIndex[host.name] == nil { hostIndex[host.name] = index }
        var vcpusOnHost = [Int](repeating: 0, count: hosts.count)
        var memoryOnHost = [Double](repeating: 0, count: hosts.count)
        for vm in vms {
            guard let index = hostIndex[vm.host] else { continue }
            vcpusOnHost[index] += vm.vcpus
            memoryOnHost[index] += vm.memoryMB
        }
        var cpu: [Double] = []
        var active: [Double?] = []
        var consumed: [Double?] = []
        var defaulted: [String] = []
        var own = 0
        for vm in vms {
            let index = hostIndex[vm.host]
            let capacity = index.map { Double(vm.vcpus * hosts[$0].mhz) } ?? vm.cpu?.maxMHz ?? 0
            if let overall = vm.cpu?.overallMHz, capacity > 0 {
                cpu.append(min(1, max(0.01, overall / capacity)))
                own += 1
            } else if let index, let pct = hosts[index].cpuUsagePct, vcpusOnHost[index] > 0 {
                let mean = pct / 100 * Double(hosts[index].totalCores) / Double(vcpusOnHost[index])
                cpu.append(min(1, max(0.01, mean)))
            } else {
                cpu.append(Self.defaultCPUMean)
                defaulted.append(vm.name)
            }
            if let activeMB = vm.memory?.activeMB ?? vm.activeMemoryMB, vm.memoryMB > 0 {
                active.append(min(1, max(0.01, activeMB / vm.memoryMB)))
            } else if let index, let pct = hosts[index].memoryUsagePct, memoryOnHost[index] > 0 {
                active.append(min(1, max(0.05, pct / 100 * hosts[index].memoryMB / memoryOnHost[index])))
            } else {
                active.append(nil)
            }
            if let consumedMB = vm.memory?.consumedMB, vm.memoryMB > 0 {
                consumed.append(min(1, max(0.01, consumedMB / vm.memoryMB)))
            } else {
                consumed.append(nil)
            }
        }
        cpuMean = cpu
        activeFraction = active
        consumedFraction = consumed
        ownCPUCount = own
        defaultedCount = defaulted.count
        defaultedNames = defaulted
    }
}
