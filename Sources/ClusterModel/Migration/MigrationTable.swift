import SimKernel
import Stochastics

/// One migration between request and outcome.
struct MigrationSlot {
    var vm: Int32
    var source: Int32
    var destination: Int32
    var reason: MigrationReason
    var requested: SimTime
    var started: SimTime?
    var phase: MigrationPhase = .queued
    /// Shared-nothing: the disk is copied first and the VM changes datastore.
    var sharedNothing = false
    var destinationDatastore: Int32 = 0
    /// Datastores charged in the concurrency ledger at start (the second one only for shared-nothing).
    var chargedDatastores: (Int, Int?) = (0, nil)
    /// Data left in the current disk phase or pre-copy round, Mbit.
    var remainingMbit = 0.0
    var roundStart: SimTime = .zero
    var rateMbps = 0.0
    var lastUpdate: SimTime = .zero
    var handle: EventHandle = .invalid
    var rounds = 0
    var memorySentMbit = 0.0
    var storageSentMbit = 0.0
    /// Dirty-rate multiplier applied by SDPS (1 = not throttled).
    var throttle = 1.0
    var sdpsEngaged = false
    var hitRoundLimit = false
    var stunStart: SimTime = .zero
    var downtimeSeconds = 0.0
}

/// Storage of migrations: slots with a free list, the copying set in start order and the FIFO queue.
struct MigrationTable {
    var slots: [MigrationSlot] = []
    private var free: [Int32] = []
    /// Copying migrations (disk, pre-copy or switchover), in start order.
    var active: [Int32] = []
    /// Waiting requests, oldest first.
    var queue: [Int32] = []

    mutating func insert(_ m: MigrationSlot) -> Int32 {
        if let i = free.popLast() { slots[Int(i)] = m; return i }
        slots.append(m)
        return Int32(slots.count - 1)
    }

    /// Whether `i` is a live (queued or copying) migration.
    func contains(_ i: Int32) -> Bool { active.contains(i) || queue.contains(i) }

    mutating func remove(_ i: Int32) {
        if let k = active.firstIndex(of: i) { active.remove(at: k) }
        if let k = queue.firstIndex(of: i) { queue.remove(at: k) }
        free.append(i)
    }
}

/// Migration figures a run accumulates for its summary and timeseries.
public struct MigrationStatistics: Sendable {
    public var requests = 0
    public var byOutcome: [MigrationOutcome: Int] = [:]
    public var byReason: [MigrationReason: Int] = [:]
    /// Switchover downtime of every completed migration, ms (order of completion).
    public var downtimesMS: [Double] = []
    public var lostPings = 0
    public var sdpsEngaged = 0
    /// CPU withheld from guests by SDPS throttling, MHz·s.
    public var sdpsUnmetMHzSeconds = 0.0
    /// Counters since the last sample (reset when a timeseries row is written).
    public var startedSinceSample = 0
    public var downtimeMSSinceSample = 0.0
    public init() {}

    /// Copy durations of completed migrations (start to resume), s.
    public var durations = RunningStatistics()
    /// Mean duration of completed migrations, or nil before the first.
    public var meanDurationSeconds: Double? { durations.count > 0 ? durations.mean : nil }

    public func count(_ o: MigrationOutcome) -> Int { byOutcome[o] ?? 0 }
    public func count(_ r: MigrationReason) -> Int { byReason[r] ?? 0 }
}
