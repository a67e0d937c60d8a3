import SimKernel

/// One host as the model builder resolved it from a scenario (a runtime input, not a `Spec`).
///
/// Neutral values only (``initialState`` `.on`: a host present and running from the start);
/// documented defaults live in Scenarios' `HostProfileSpec` (docs/scenario-format.md "Host
/// profiles"), and `ModelBuilder` passes every one of them.
public struct HostConfig: Sendable {
    public var name: String
    public var vendor: CPUVendor
    /// Rank of the CPU generation in its vendor's EVC ladder (Scenarios' `CPUGenerationCatalog`).
    public var generationRank: Int
    public var sockets: Int
    public var coresPerSocket: Int
    public var coreMHz: Double
    public var memoryMB: Double
    /// vMotion NIC line rate in Gbit/s.
    public var vmotionNICGbps: Double
    /// Whether a vMotion-enabled VMkernel port exists.
    public var hasVMotionVMkernel: Bool
    /// Interned datastore ids (see ``ClusterConfig/datastoreNames``), sorted.
    public var datastores: [Int32]
    /// Interned network-label ids (see ``ClusterConfig/networkNames``), sorted.
    public var networks: [Int32]
    public var power: PowerModel
    public var standbyW: Double
    public var bootTime: SimTime
    public var shutdownTime: SimTime
    /// State at t = 0 (`on`, or `standby` / `maintenance` for hosts that start powered down).
    public var initialState: HostPowerState = .on
    /// vMotion VMkernel interfaces: before vSphere 7.0 U2, one vMotion stream each (docs/model.md "vMotion").
    public var vmotionVMknics: Int

    public init(
        name: String, vendor: CPUVendor, generationRank: Int, sockets: Int, coresPerSocket: Int,
        coreMHz: Double, memoryMB: Double, vmotionNICGbps: Double, hasVMotionVMkernel: Bool,
        vmotionVMknics: Int, datastores: [Int32], networks: [Int32], power: PowerModel, standbyW: Double,
        bootTime: SimTime, shutdownTime: SimTime
    ) {
        self.name = name; self.vendor = vendor; self.generationRank = generationRank
        self.sockets = sockets; self.coresPerSocket = coresPerSocket; self.coreMHz = coreMHz
        self.memoryMB = memoryMB; self.vmotionNICGbps = vmotionNICGbps
        self.hasVMotionVMkernel = hasVMotionVMkernel; self.vmotionVMknics = vmotionVMknics
        self.datastores = datastores.sorted(); self.networks = networks.sorted()
        self.power = power; self.standbyW = standbyW; self.bootTime = bootTime; self.shutdownTime = shutdownTime
    }

    /// Total cores.
    public var cores: Int { sockets * coresPerSocket }
    /// CPU capacity in MHz: sockets × cores per socket × MHz.
    public var cpuCapacityMHz: Double { Double(cores) * coreMHz }
}
