/// A kind of ESXi host (docs/scenario-format.md "Host profiles", docs/model.md "Power and energy"): hardware,
/// vMotion network, power model, power-state times.
public struct HostProfileSpec: Codable, Hashable, Sendable {
    /// Profile name, referred to by cluster host entries (required, unique).
    public var name: String
    /// Processors (required).
    public var cpu: CPUSpec
    /// Memory in GiB (required, > 0; `memory_gb: 768` = 786,432 MiB).
    public var memoryGB: Double
    /// vMotion NIC line rate, Gbit/s. Default 10.
    public var vmotionNICGbps = 10.0
    /// Whether a vMotion-enabled VMkernel port exists (both ends need one). Default true.
    public var vmotionVMkernel = true
    /// vMotion VMkernel interfaces (one vMotion stream each before vSphere 7.0 U2). Default 1.
    public var vmotionVMknics = 1
    /// Power model (required).
    public var power: PowerSpec
    /// Power drawn in standby, W. Default 10.
    public var standbyW = 10.0
    /// Time from a wake command until the host can take load. Default 5 min.
    public var bootTime = DurationValue.minutes(5)
    /// Time from an evacuated host to standby. Default 2 min.
    public var shutdownTime = DurationValue.minutes(2)
    /// Purchase and amortization, for plan costs. Default none.
    public var cost: HostCostSpec?

    /// Creates a profile with the default network, standby power and boot/shutdown times.
    public init(name: String, cpu: CPUSpec, memoryGB: Double, power: PowerSpec) {
        self.name = name
        self.cpu = cpu
        self.memoryGB = memoryGB
        self.power = power
    }

    /// Memory in MiB.
    /// Memory in MiB (saturating: validation bounds `memory_gb`, this must not trap before it does).
    public var memoryMB: Int64 {
        let mb = (memoryGB * 1_024).rounded()
        guard mb.isFinite else { return mb > 0 ? .max : 0 }
        return mb >= 9.0e18 ? .max : (mb <= 0 ? 0 : Int64(mb))
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, cpu
        case memoryGB = "memory_gb"
        case vmotionNICGbps = "vmotion_nic_gbps"
        case vmotionVMkernel = "vmotion_vmkernel"
        case vmotionVMknics = "vmotion_vmknics"
        case power
        case standbyW = "standby_w"
        case bootTime = "boot_time"
        case shutdownTime = "shutdown_time"
        case cost
    }
}

extension HostProfileSpec {
    /// Reads one element of `host_profiles`.
    init(reading m: MappingReader<CodingKeys>) {
        let placeholderCPU = CPUSpec(sockets: 0, coresPerSocket: 0, mhz: 0)
        self.init(name: m.required(.name) { $0.string() } ?? "",
                  cpu: m.required(.cpu) { $0.mapping(CPUSpec.init(reading:)) } ?? placeholderCPU,
                  memoryGB: m.required(.memoryGB) { $0.double() } ?? 0,
                  power: .linear(idleW: 0, maxW: 0))
        if let value = m.double(.vmotionNICGbps) { vmotionNICGbps = value }
        if let value = m.bool(.vmotionVMkernel) { vmotionVMkernel = value }
        if let value = m.int(.vmotionVMknics) { vmotionVMknics = value }
        power = m.required(.power) { $0.mapping(PowerSpec.init(reading:)) } ?? power
        if let value = m.double(.standbyW) { standbyW = value }
        if let value = m.duration(.bootTime) { bootTime = value }
        if let value = m.duration(.shutdownTime) { shutdownTime = value }
        cost = m.mapping(.cost, HostCostSpec.init(reading:))
    }
}
