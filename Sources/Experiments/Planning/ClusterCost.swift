import ClusterModel
import Scenarios

/// What a cluster costs per month besides energy (docs/planning.md): its hosts' purchase prices
/// over their amortization periods (`host_profiles[].cost`) and per-core licenses
/// (`license_per_core` per licensed core and month; each CPU counts at least 16 cores, the
/// minimum of VMware's per-core licensing).
struct ClusterCost: Sendable {
    /// Σ purchase / amortization_months over the hosts; nil when a host's profile has no cost.
    var hardwarePerMonth: Double?
    /// Σ sockets × max(16, cores per socket) × license_per_core; nil without `license_per_core`.
    var licensePerMonth: Double?
    /// VMs of the cluster's inventory.
    var vms: Int

    /// Cores licensed per CPU at least (VMware per-core licensing, docs/planning.md).
    static let minimumCoresPerCPU = 16

    /// Licensed cores of one host of `profile`.
    static func licensedCores(_ profile: HostProfileSpec) -> Int {
        profile.cpu.sockets * max(minimumCoresPerCPU, profile.cpu.coresPerSocket)
    }

    init(hardwarePerMonth: Double?, licensePerMonth: Double?, vms: Int) {
        self.hardwarePerMonth = hardwarePerMonth
        self.licensePerMonth = licensePerMonth
        self.vms = vms
    }

    /// The cost of cluster `name` of `loaded`.
    init(_ loaded: LoadedScenario, cluster name: String) {
        let spec = loaded.spec
        let cluster = loaded.resolved.clusters.first { $0.name == name }
        let profiles = (cluster?.hosts ?? []).map { spec.hostProfiles[$0.profileIndex] }
        self.init(hosts: profiles, licensePerCore: spec.licensePerCore, vms: cluster?.vms.count ?? 0)
    }

    /// The cost of hosts of profiles `hosts`.
    init(hosts: [HostProfileSpec], licensePerCore: Double?, vms: Int) {
        var hardware: Double? = 0
        for p in hosts {
            if let cost = p.cost, let h = hardware { hardware = h + cost.perMonth } else { hardware = nil }
        }
        hardwarePerMonth = hosts.isEmpty ? nil : hardware
        licensePerMonth = licensePerCore.map { price in Double(hosts.reduce(0) { $0 + Self.licensedCores($1) }) * price }
        self.vms = vms
    }

    /// Hardware + licenses + `energyCostPerMonth` (the parts that are known); nil when none is.
    func totalPerMonth(energyCostPerMonth: Double?) -> Double? {
        let parts = [hardwarePerMonth, licensePerMonth, energyCostPerMonth].compactMap { $0 }.filter(\.isFinite)
        return parts.isEmpty ? nil : parts.reduce(0, +)
    }

    /// The total per VM and month; nil without a total or VMs.
    func perVMMonth(energyCostPerMonth: Double?) -> Double? {
        guard vms > 0, let total = totalPerMonth(energyCostPerMonth: energyCostPerMonth) else { return nil }
        return total / Double(vms)
    }
}

/// vSphere HA admission control as the model applies it (docs/model.md): the memory footprint of
/// the cluster's VMs must fit in its hosts' memory minus the largest host's.
enum HAAdmissionCheck {
    /// Footprint / (capacity − largest host): at most 1 when admission control admits every VM.
    static func ratio(_ cluster: ClusterConfig) -> Double {
        let footprint = cluster.vms.filter { $0.arrival == .zero }.reduce(0.0) { $0 + $1.memoryMB + $1.overheadMB }
        let memory = cluster.hosts.filter { $0.initialState == .on }.map(\.memoryMB)
        let usable = memory.reduce(0, +) - (memory.max() ?? 0)
        if usable <= 0 { return footprint > 0 ? .infinity : 0 }
        return footprint / usable
    }
}
