import SimKernel

/// Churn's bookkeeping: the arrival processes and the table rows their VMs use.
///
/// Each process gets as many rows as it has VMs alive at most (``ChurnProcess/peakLive(_:seed:duration:)``);
/// an arrival takes a free row of its process and its departure gives it back, so the tables have
/// (static VMs + peak live churn VMs) rows whatever the run's length (docs/performance.md).
struct ChurnState {
    var processes: [ChurnProcess] = []
    /// Rows from `firstRow` on belong to churn processes.
    var firstRow = 0
    /// The process of each churn row (indexed by row − `firstRow`).
    var processOfRow: [Int32] = []
    /// Free rows of each process; the lowest row is taken first.
    var freeRows: [[Int32]] = []
    /// Per row, bumped each time the row gets a new VM: events about a VM that are scheduled ahead
    /// (HA restarts) carry it and are dropped when the row has changed hands since.
    var generation: [UInt32] = []
    /// Arrivals that took a row an earlier churn VM had left.
    var reuses = 0
}

extension ChurnState {
    /// `input` with one row per churn VM that can be alive at once, and the state that hands the
    /// rows out. A row is absent until an arrival takes it (its `arrival` is the run's end).
    static func withRows(_ input: ClusterConfig, settings: RunSettings) -> (ClusterConfig, ChurnState) {
        var config = input
        var state = ChurnState()
        state.firstRow = config.vms.count
        for (s, c) in input.churn.enumerated() {
            state.processes.append(ChurnProcess(c, seed: settings.seed, duration: settings.duration))
            let peak = ChurnProcess.peakLive(c, seed: settings.seed, duration: settings.duration)
            var rows: [Int32] = []
            for k in 0..<peak {
                var vm = c.template
                vm.name = "\(c.namePrefix)-churn-row-\(k + 1)"   // replaced by each arrival's name
                vm.arrival = settings.duration
                vm.departure = nil
                rows.append(Int32(config.vms.count))
                config.vms.append(vm)
                state.processOfRow.append(Int32(s))
            }
            state.freeRows.append(rows.reversed())
        }
        state.generation = Array(repeating: 0, count: config.vms.count)
        return (config, state)
    }

    /// A free row of process `s` for an arrival (the lowest free row).
    mutating func takeRow(of s: Int) -> Int {
        guard let row = freeRows[s].popLast() else {
            preconditionFailure("churn rows are sized to the most VMs alive at once")
        }
        return Int(row)
    }

    /// Row `v` is free again when it belongs to a churn process (its VM departed).
    mutating func release(_ v: Int) {
        guard v >= firstRow else { return }
        freeRows[Int(processOfRow[v - firstRow])].append(Int32(v))
    }

    /// The payload of an event about VM `v` scheduled ahead: the row and its current generation.
    func stampedPayload(_ v: Int) -> Int64 {
        Int64(generation[v]) << 32 | Int64(v)
    }

    /// The VM a stamped payload names, or nil when its row has had a new VM since.
    func stampedVM(_ payload: Int64) -> Int? {
        let v = Int(payload & 0xFFFF_FFFF)
        return UInt32(truncatingIfNeeded: payload >> 32) == generation[v] ? v : nil
    }
}
