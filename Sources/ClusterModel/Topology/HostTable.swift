import SimKernel

/// Struct-of-arrays state of a cluster's hosts, indexed by ``HostIndex``.
///
/// Static facts come from ``HostConfig``; the dynamic columns are updated by the runtime at every
/// sample, power-state change and migration start/end.
public struct HostTable: Sendable {
    public let configs: [HostConfig]
    public let cpuCapacityMHz: [Double]
    public let memoryCapacityMB: [Double]
    public let coreMHz: [Double]

    /// Current power/availability state.
    public internal(set) var state: [HostPowerState]
    /// Memory reservation ledger: reservation + overhead of resident VMs plus in-flight migration
    /// reservations, MB (never above capacity).
    public internal(set) var memoryReservedMB: [Double]
    /// CPU reservation ledger: CPU reservations of resident VMs plus in-flight migrations, MHz.
    public internal(set) var cpuReservedMHz: [Double]
    /// Expected consumed memory + overhead of resident VMs and in-flight arrivals, MB (what
    /// initial placement balances; configured memory may be overcommitted).
    public internal(set) var expectedMemoryMB: [Double]
    /// Memory state at the latest sample (free memory against minFree, docs/model.md "Memory").
    public internal(set) var memoryState: [HostMemoryState]
    /// minFree of each host, MB (sliding scale, docs/model.md "Memory").
    public let minFreeMB: [Double]
    /// CPU demand of resident VMs (MHz) at the latest sample.
    public internal(set) var cpuDemandMHz: [Double]
    /// CPU served to resident VMs (MHz) at the latest sample.
    public internal(set) var cpuServedMHz: [Double]
    /// CPU reserved by in-flight vMotions on this host (MHz).
    public internal(set) var vmotionOverheadMHz: [Double]
    /// DRS memory demand of resident VMs (MB) at the latest sample.
    public internal(set) var memoryDemandMB: [Double]
    /// Resident (running) VM count.
    public internal(set) var vmCount: [Int32]

    public init(_ configs: [HostConfig]) {
        self.configs = configs
        cpuCapacityMHz = configs.map(\.cpuCapacityMHz)
        memoryCapacityMB = configs.map(\.memoryMB)
        coreMHz = configs.map(\.coreMHz)
        let n = configs.count
        state = configs.map(\.initialState)
        memoryReservedMB = Array(repeating: 0, count: n)
        cpuReservedMHz = Array(repeating: 0, count: n)
        expectedMemoryMB = Array(repeating: 0, count: n)
        memoryState = Array(repeating: .high, count: n)
        minFreeMB = configs.map { HostMemoryState.minFreeMB(capacityMB: $0.memoryMB) }
        cpuDemandMHz = Array(repeating: 0, count: n)
        cpuServedMHz = Array(repeating: 0, count: n)
        vmotionOverheadMHz = Array(repeating: 0, count: n)
        memoryDemandMB = Array(repeating: 0, count: n)
        vmCount = Array(repeating: 0, count: n)
    }

    /// Number of hosts.
    public var count: Int { configs.count }

    /// Unreserved memory in MB (capacity minus the reservation ledger).
    @inlinable
    public func freeMemoryMB(_ h: Int) -> Double { memoryCapacityMB[h] - memoryReservedMB[h] }

    /// Unreserved CPU in MHz (capacity minus the reservation ledger).
    @inlinable
    public func unreservedCPUMHz(_ h: Int) -> Double { cpuCapacityMHz[h] - cpuReservedMHz[h] }

    /// CPU utilization at the latest sample: (served + vMotion overhead) / capacity, 0…1.
    @inlinable
    public func cpuUtilization(_ h: Int) -> Double {
        min(1, (cpuServedMHz[h] + vmotionOverheadMHz[h]) / cpuCapacityMHz[h])
    }

    /// Normalized entitlement of host `h` at the latest sample: the larger of its CPU and memory
    /// load (docs/model.md, DRS).
    func normalizedLoad(_ h: Int) -> Double {
        max(cpuDemandMHz[h] / cpuCapacityMHz[h], memoryDemandMB[h] / memoryCapacityMB[h])
    }

    /// Power draw of host `h` in its current state, W (docs/model.md, Power and energy).
    func powerDrawW(_ h: Int) -> Double {
        let c = configs[h]
        switch state[h] {
        case .on, .enteringStandby, .enteringMaintenance: return c.power.watts(atUtilization: cpuUtilization(h))
        case .booting: return c.power.maxW
        case .shuttingDown, .maintenance: return c.power.idleW
        case .standby: return c.standbyW
        case .failed: return 0
        }
    }
}
