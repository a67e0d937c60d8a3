import SimKernel

/// Why a VM is not running.
public enum VMDownReason: UInt8, Sendable {
    case none = 0
    /// Initial placement or admission found no host with room.
    case noCapacity
    /// Its host failed; HA has not restarted it yet.
    case hostFailure
    /// HA could not find a host for it.
    case haNoCapacity
    /// Not part of the cluster at this time: a churn VM before its arrival or after its departure,
    /// or one refused at admission. Not counted as running or down.
    case absent

    /// Name used in outputs.
    public var csvName: String {
        switch self {
        case .none: ""
        case .noCapacity: "no_capacity"
        case .hostFailure: "host_failure"
        case .haNoCapacity: "ha_no_capacity"
        case .absent: "absent"
        }
    }
}

/// Struct-of-arrays state of a cluster's VMs, indexed by ``VMIndex``.
public struct VMTable: Sendable {
    /// Each row's configuration; a churn row's name, arrival and departure change when a new
    /// arrival reuses it (``resetSlot(_:name:arrival:departure:)``).
    public internal(set) var configs: [VMConfig]
    public let cpuSizeMHz: [Double]
    /// Memory reservation plus overhead: what a host's memory reservation ledger holds for the VM
    /// (admission control, docs/model.md "Memory"). Configured memory may be overcommitted.
    public let footprintMB: [Double]
    /// CPU reservation in MHz: what a host's CPU reservation ledger holds for the VM.
    public let cpuReservationMHz: [Double]
    /// Expected consumed memory + overhead, MB (filled by the runtime from the workload profile).
    public internal(set) var expectedMemoryMB: [Double]
    public let workload: [Int32]

    /// Current host, or ``noIndex`` when down.
    public internal(set) var host: [HostIndex]
    public internal(set) var downReason: [VMDownReason]
    /// EVC / CPU feature level fixed at power-on (rank in the vendor's ladder).
    public internal(set) var featureRank: [Int16]
    /// Whether a migration of this VM is queued or in flight.
    public internal(set) var migrating: [Bool]
    /// Current datastore (a shared-nothing vMotion changes it).
    public internal(set) var datastore: [Int32]
    /// CPU limit in MHz (`.infinity` when unlimited).
    public let limitMHz: [Double]

    /// Standardized AR(1) state of the CPU noise (N(0,1) marginal).
    public internal(set) var noiseState: [Double]
    /// Standardized AR(1) state of the active-memory noise.
    public internal(set) var memoryNoiseState: [Double]
    /// End of the current burst (µs); a burst is active while `now < burstEndUS`.
    public internal(set) var burstEndUS: [Int64]

    /// CPU demand as a fraction of `cpuSizeMHz` at the latest sample (0…1).
    public internal(set) var cpuDemandFraction: [Double]
    /// CPU demand in MHz at the latest sample (after the VM's limit).
    public internal(set) var cpuDemandMHz: [Double]
    /// CPU served in MHz at the latest sample.
    public internal(set) var cpuServedMHz: [Double]
    /// Active memory in MB at the latest sample.
    public internal(set) var activeMemoryMB: [Double]
    /// Consumed (touched) memory in MB at the latest sample, active ≤ consumed ≤ configured.
    public internal(set) var consumedMemoryMB: [Double]
    /// Memory reclaimed from the VM at the latest sample, MB (see ``MemoryScheduler``): shared
    /// pages, ballooned, compressed (original size) and swapped. Resident = consumed − all four.
    public internal(set) var sharedMB: [Double]
    public internal(set) var balloonedMB: [Double]
    public internal(set) var compressedMB: [Double]
    public internal(set) var swappedMB: [Double]
    /// Active memory that is not resident (ballooned, compressed or swapped), MB.
    public internal(set) var contentionMB: [Double]
    /// Share of the VM's work stalled by memory contention, 0…1 (contention / active).
    public internal(set) var memoryStall: [Double]
    /// DRS memory demand: active + 25 % of idle consumed + overhead ([FD-2018-Mem]).
    public internal(set) var memoryDemandMB: [Double]
    /// Page dirty rate in Mbit/s at the latest sample.
    public internal(set) var dirtyRateMbps: [Double]

    public init(_ configs: [VMConfig]) {
        self.configs = configs
        cpuSizeMHz = configs.map(\.cpuSizeMHz)
        footprintMB = configs.map(\.admissionMemoryMB)
        cpuReservationMHz = configs.map(\.reservationMHz)
        expectedMemoryMB = configs.map(\.admissionMemoryMB)
        workload = configs.map(\.workload)
        let n = configs.count
        host = Array(repeating: noIndex, count: n)
        downReason = configs.map { $0.arrival > .zero ? .absent : .noCapacity }
        featureRank = Array(repeating: 0, count: n)
        migrating = Array(repeating: false, count: n)
        datastore = configs.map(\.datastore)
        limitMHz = configs.map(\.limitMHz)
        noiseState = Array(repeating: 0, count: n)
        memoryNoiseState = Array(repeating: 0, count: n)
        burstEndUS = Array(repeating: Int64.min, count: n)
        cpuDemandFraction = Array(repeating: 0, count: n)
        cpuDemandMHz = Array(repeating: 0, count: n)
        cpuServedMHz = Array(repeating: 0, count: n)
        activeMemoryMB = Array(repeating: 0, count: n)
        memoryDemandMB = Array(repeating: 0, count: n)
        consumedMemoryMB = Array(repeating: 0, count: n)
        sharedMB = Array(repeating: 0, count: n)
        balloonedMB = sharedMB; compressedMB = sharedMB; swappedMB = sharedMB
        contentionMB = sharedMB; memoryStall = sharedMB
        dirtyRateMbps = Array(repeating: 0, count: n)
    }

    /// Number of VMs.
    public var count: Int { configs.count }

    /// Whether the VM is running (on some host).
    @inlinable
    public func isRunning(_ v: Int) -> Bool { host[v] != noIndex }

    /// Makes row `v` a fresh, absent VM named `name` arriving at `arrival`: every per-VM column
    /// back to its initial value (a churn row reused by a later arrival; same template, so the
    /// size, reservation, limit and workload columns stay). docs/performance.md lists the per-VM
    /// state of the other components, each reset by its own method.
    mutating func resetSlot(_ v: Int, name: String, arrival: SimTime, departure: SimTime?) {
        configs[v].name = name
        configs[v].arrival = arrival
        configs[v].departure = departure
        host[v] = noIndex
        downReason[v] = .absent
        featureRank[v] = 0
        migrating[v] = false
        datastore[v] = configs[v].datastore
        noiseState[v] = 0
        memoryNoiseState[v] = 0
        burstEndUS[v] = Int64.min
        cpuDemandFraction[v] = 0
        cpuDemandMHz[v] = 0
        cpuServedMHz[v] = 0
        activeMemoryMB[v] = 0
        consumedMemoryMB[v] = 0
        sharedMB[v] = 0
        balloonedMB[v] = 0
        compressedMB[v] = 0
        swappedMB[v] = 0
        contentionMB[v] = 0
        memoryStall[v] = 0
        memoryDemandMB[v] = 0
        dirtyRateMbps[v] = 0
    }
}
