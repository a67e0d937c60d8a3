/// A kind of VM (docs/scenario-format.md "VM profiles", docs/model.md "Workload"): size, resource controls and workload.
public struct VMProfileSpec: Codable, Hashable, Sendable {
    /// Profile name, referred to by cluster VM entries (required, unique).
    public var name: String
    /// Virtual CPUs (required, ≥ 1).
    public var vcpus: Int
    /// A vCPU's nominal speed in MHz. Default (nil): the slowest core of the VM's cluster.
    public var vcpuMHz: Int?
    /// Configured memory in GiB (required, > 0).
    public var memoryGB: Double
    /// Disk size in GiB, copied by Storage / shared-nothing vMotion. Default 40.
    public var diskGB = 40.0
    /// CPU shares. Default `normal` (1000 per vCPU).
    public var shares = SharesSpec.normal
    /// CPU reservation in MHz. Default 0.
    public var reservationMHz = 0
    /// CPU limit in MHz. Default (nil): unlimited.
    public var limitMHz: Int?
    /// Memory reservation in GiB (0 … `memory_gb`): guaranteed, never reclaimed once touched, and
    /// what admission control counts (with the overhead). Default 0.
    public var memoryReservationGB = 0.0
    /// Memory limit in GiB (> 0): memory above it is never backed by host RAM. Default (nil): unlimited.
    public var memoryLimitGB: Double?
    /// Memory shares, weighing ballooning. Default `normal` (10 per MB).
    public var memoryShares = MemorySharesSpec.normal
    /// HA restart priority. Default `medium`.
    public var restartPriority = RestartPriority.medium
    /// Demand model. Default: the ``WorkloadSpec`` defaults.
    public var workload = WorkloadSpec()
    /// Guest boot time after an HA restart, counted in the outage. Default 0.
    public var bootTime = DurationValue.zero

    /// Creates a profile with default disk, shares, reservation, limit and workload.
    public init(name: String, vcpus: Int, vcpuMHz: Int? = nil, memoryGB: Double) {
        self.name = name
        self.vcpus = vcpus
        self.vcpuMHz = vcpuMHz
        self.memoryGB = memoryGB
    }

    /// Memory in MiB.
    /// Memory in MiB (saturating: validation bounds `memory_gb`, this must not trap before it does).
    public var memoryMB: Int64 {
        let mb = (memoryGB * 1_024).rounded()
        guard mb.isFinite else { return mb > 0 ? .max : 0 }
        return mb >= 9.0e18 ? .max : (mb <= 0 ? 0 : Int64(mb))
    }

    /// Memory reservation in MiB.
    public var memoryReservationMB: Double { memoryReservationGB * 1_024 }

    /// Memory limit in MiB (nil: unlimited).
    public var memoryLimitMB: Double? { memoryLimitGB.map { $0 * 1_024 } }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, vcpus
        case vcpuMHz = "vcpu_mhz"
        case memoryGB = "memory_gb"
        case diskGB = "disk_gb"
        case shares
        case reservationMHz = "reservation_mhz"
        case limitMHz = "limit_mhz"
        case memoryReservationGB = "memory_reservation_gb"
        case memoryLimitGB = "memory_limit_gb"
        case memoryShares = "memory_shares"
        case restartPriority = "restart_priority"
        case workload
        case bootTime = "boot_time"
    }
}

extension VMProfileSpec {
    /// Reads one element of `vm_profiles`.
    init(reading m: MappingReader<CodingKeys>) {
        self.init(name: m.required(.name) { $0.string() } ?? "",
                  vcpus: m.required(.vcpus) { $0.int() } ?? 0,
                  vcpuMHz: m.int(.vcpuMHz),
                  memoryGB: m.required(.memoryGB) { $0.double() } ?? 0)
        if let value = m.double(.diskGB) { diskGB = value }
        if let value = m.node(.shares).flatMap(SharesSpec.read) { shares = value }
        if let value = m.int(.reservationMHz) { reservationMHz = value }
        limitMHz = m.int(.limitMHz)
        if let value = m.double(.memoryReservationGB) { memoryReservationGB = value }
        memoryLimitGB = m.double(.memoryLimitGB)
        if let value = m.node(.memoryShares).flatMap(MemorySharesSpec.read) { memoryShares = value }
        if let value = m.enumValue(.restartPriority, RestartPriority.self) { restartPriority = value }
        if let value = m.mapping(.workload, WorkloadSpec.init(reading:)) { workload = value }
        if let value = m.duration(.bootTime) { bootTime = value }
    }
}

/// vSphere HA restart priority of a VM (docs/model.md "HA admission control and restarts"): HA restarts the VMs of a
/// failed host highest first; `disabled` VMs are not restarted. Default `medium`.
public enum RestartPriority: String, SpecEnum {
    case disabled, lowest, low, medium, high, highest

    /// Restart order rank: 5 for `highest` down to 1 for `lowest`, 0 for `disabled`.
    public var rank: Int {
        switch self {
        case .disabled: return 0
        case .lowest: return 1
        case .low: return 2
        case .medium: return 3
        case .high: return 4
        case .highest: return 5
        }
    }
}
