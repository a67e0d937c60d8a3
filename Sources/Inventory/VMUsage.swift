/// Observed CPU and memory utilization of each imported VM, derived from what RVTools exports.
///
/// `vInfo` has no per-VM CPU usage, so a VM's CPU mean is its host's observed usage shared per
/// vCPU among the host's powered-on VMs:
/// `mean = (CPU usage % / 100) × physical cores / Σ vCPUs of the host's VMs`, clamped to
/// 0.01–1. A VM whose host is missing or has no `CPU usage %` gets ``defaultCPUMean``.
/// Active memory fraction: `Active Memory / Memory` when vInfo has it (0.01–1); else the host's
/// `Memory usage %` × host memory / Σ memory of its VMs (0.05–1, consumed rather than active,
/// so an upper estimate); else unknown (the scenario default applies).
struct VMUsage {
    /// The CPU mean assumed when nothing is known.
    static let defaultCPUMean = 0.25
    /// The width of a VM profile's CPU bucket (10 percentage points: `cpu20` holds VMs at 15–25 %).
    static let bucketWidth = 0.1

    /// Per VM (same order as the VMs given), CPU utilization 0–1.
    let cpuMean: [Double]
    /// Per VM, active memory fraction, when known.
    let activeFraction: [Double?]
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
        var defaulted: [String] = []
        for vm in vms {
            let index = hostIndex[vm.host]
            if let index, let pct = hosts[index].cpuUsagePct, vcpusOnHost[index] > 0 {
                let mean = pct / 100 * Double(hosts[index].totalCores) / Double(vcpusOnHost[index])
                cpu.append(min(1, max(0.01, mean)))
            } else {
                cpu.append(Self.defaultCPUMean)
                defaulted.append(vm.name)
            }
            if let activeMB = vm.activeMemoryMB, vm.memoryMB > 0 {
                active.append(min(1, max(0.01, activeMB / vm.memoryMB)))
            } else if let index, let pct = hosts[index].memoryUsagePct, memoryOnHost[index] > 0 {
                active.append(min(1, max(0.05, pct / 100 * hosts[index].memoryMB / memoryOnHost[index])))
            } else {
                active.append(nil)
            }
        }
        cpuMean = cpu
        activeFraction = active
        defaultedCount = defaulted.count
        defaultedNames = defaulted
    }
}
