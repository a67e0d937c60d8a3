/// A VM's demand model (docs/model.md "Workload"): a stochastic CPU model or a replayed trace, plus memory.
///
/// Give either `cpu` or `trace`. Without both, the ``CPUWorkloadSpec`` defaults apply.
public struct WorkloadSpec: Codable, Hashable, Sendable {
    /// Stochastic CPU demand; nil when `trace` is given.
    public var cpu: CPUWorkloadSpec?
    /// Memory activity and page dirtying. Default: the ``MemoryWorkloadSpec`` defaults.
    public var memory = MemoryWorkloadSpec()
    /// Replayed CPU utilization instead of `cpu`. Default none.
    public var trace: TraceSpec?

    /// The default workload: default CPU model, default memory, no trace.
    public init(cpu: CPUWorkloadSpec? = CPUWorkloadSpec(), memory: MemoryWorkloadSpec = MemoryWorkloadSpec(),
                trace: TraceSpec? = nil) {
        self.cpu = cpu
        self.memory = memory
        self.trace = trace
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case cpu, memory, trace
    }
}

extension WorkloadSpec {
    /// Reads a `workload:` block.
    init(reading m: MappingReader<CodingKeys>) {
        let cpu = m.mapping(.cpu, CPUWorkloadSpec.init(reading:))
        let memory = m.mapping(.memory, MemoryWorkloadSpec.init(reading:)) ?? MemoryWorkloadSpec()
        let trace = m.mapping(.trace, TraceSpec.init(reading:))
        let traceGiven = m.contains(.trace)
        self.init(cpu: cpu ?? (traceGiven ? nil : CPUWorkloadSpec()), memory: memory, trace: trace)
    }
}
