import SimKernel

/// One VM as the model builder resolved it from a scenario.
///
/// Neutral values only (datastore and network 0, no reservation, no limit, present from the start,
/// never departing, no guest boot time); documented defaults live in Scenarios' `VMProfileSpec`
/// (docs/scenario-format.md "VM profiles"), and `ModelBuilder` passes every one of them.
public struct VMConfig: Sendable {
    public var name: String
    public var vcpus: Int
    /// Nominal speed of one vCPU in MHz (demand in MHz = utilization × vcpus × vcpuMHz).
    public var vcpuMHz: Double
    public var memoryMB: Double
    public var diskMB: Double
    public var datastore: Int32
    public var network: Int32
    /// CPU shares per vCPU (High/Normal/Low = 2000/1000/500).
    public var sharesPerVCPU: Double
    public var reservationMHz: Double
    /// CPU limit in MHz (`.infinity` when unlimited).
    public var limitMHz: Double
    /// Memory reservation in MB (0 … memoryMB).
    public var memoryReservationMB: Double = 0
    /// Memory limit in MB (`.infinity` when unlimited): memory above it is never resident.
    public var memoryLimitMB: Double = .infinity
    /// Memory shares per MB of configured memory (High/Normal/Low = 20/10/5).
    public var memorySharesPerMB: Double
    /// HA restart priority rank: 5 highest … 1 lowest, 0 = not restarted (medium = 3).
    public var restartPriority: Int
    /// Memory overhead in MB at power-on: the model builder passes the vSphere 6.7 overhead table's
    /// interpolated value (Scenarios' `VMMemoryOverhead`, docs/model.md "Memory").
    public var overheadMB: Double
    /// Index into ``ClusterConfig/workloads``.
    public var workload: Int32
    /// Index of this VM within its workload's trace set (trace workloads only).
    public var traceIndex: Int32
    /// When the VM is created and powered on (0: present from the start; later: a churn arrival).
    public var arrival: SimTime = .zero
    /// When it is powered off and deleted (nil: never).
    public var departure: SimTime?
    /// Guest boot time after an HA restart's power-on, counted in the outage (default 0).
    public var bootTime: SimTime = .zero

    public init(
        name: String, vcpus: Int, vcpuMHz: Double, memoryMB: Double, diskMB: Double,
        datastore: Int32 = 0, network: Int32 = 0, sharesPerVCPU: Double, memorySharesPerMB: Double,
        restartPriority: Int, overheadMB: Double, reservationMHz: Double = 0, limitMHz: Double = .infinity,
        workload: Int32, traceIndex: Int32 = 0
    ) {
        self.name = name; self.vcpus = vcpus; self.vcpuMHz = vcpuMHz; self.memoryMB = memoryMB
        self.diskMB = diskMB; self.datastore = datastore; self.network = network
        self.sharesPerVCPU = sharesPerVCPU; self.memorySharesPerMB = memorySharesPerMB
        self.restartPriority = restartPriority; self.reservationMHz = reservationMHz
        self.limitMHz = limitMHz; self.workload = workload; self.traceIndex = traceIndex
        self.overheadMB = overheadMB
    }

    /// Configured CPU size in MHz (vcpus × vcpuMHz).
    public var cpuSizeMHz: Double { Double(vcpus) * vcpuMHz }

    /// Memory reservation plus overhead in MB: what admission control must guarantee on a host.
    public var admissionMemoryMB: Double { min(memoryReservationMB, memoryMB) + overheadMB }
}
