/// Accumulates one VM's samples while a CSV trace file is read.
struct CSVTraceBuilder {
    let vm: String
    /// Whether `vm` comes from a `vm` column (then messages name it).
    let namedByColumn: Bool
    private var times: [Double] = []
    private var cpu: [Float] = []
    private var memory: [Float]?

    init(vm: String, hasMemory: Bool, namedByColumn: Bool) {
        self.vm = vm
        self.namedByColumn = namedByColumn
        memory = hasMemory ? [] : nil
    }

    mutating func append(_ row: (timeS: Double, cpu: Float, memory: Float?), file: String, line: Int) throws {
        if let previous = times.last, row.timeS <= previous {
            let who = namedByColumn ? " for vm '\(vm)'" : ""
            throw TraceError(file: file, line: line,
                             message: "column time_s: \(row.timeS) does not increase\(who) (previous sample at \(previous))")
        }
        times.append(row.timeS)
        cpu.append(row.cpu)
        if let value = row.memory { memory?.append(value) }
    }

    func trace() -> UtilizationTrace {
        UtilizationTrace(timesSeconds: times, cpu: cpu, memory: memory)
    }
}
