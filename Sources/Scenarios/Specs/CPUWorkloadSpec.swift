/// Stochastic CPU demand of a VM as a fraction of its vCPU capacity (docs/model.md "Workload"):
/// `cpu(t) = clamp(mean × diurnal(t) × weekly(t) × growth(t) × noise(t) + burst(t), 0, 1)`.
///
/// Each optional block is off when absent (no diurnal cycle, no weekly cycle, no noise, no bursts).
public struct CPUWorkloadSpec: Codable, Hashable, Sendable {
    /// Mean demand, 0–1 of `vcpus × vcpu_mhz`. Default 0.3.
    public var mean: Double
    /// Daily cycle. Default none.
    public var diurnal: DiurnalSpec?
    /// Weekend dip. Default none.
    public var weekly: WeeklySpec?
    /// Multiplicative log-normal AR(1) noise. Default none.
    public var noise: NoiseSpec?
    /// Poisson bursts. Default none.
    public var bursts: BurstsSpec?
    /// Compound demand growth per 30 days (0.03 = 3 %/month; > −1). Default 0.
    public var growthPerMonth = 0.0

    /// A flat demand of `mean` with no cycles, noise, bursts or growth.
    public init(mean: Double = 0.3) {
        self.mean = mean
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case mean, diurnal, weekly, noise, bursts
        case growthPerMonth = "growth_per_month"
    }
}

extension CPUWorkloadSpec {
    /// Reads a `workload.cpu:` block.
    init(reading m: MappingReader<CodingKeys>) {
        self.init()
        if let value = m.double(.mean) { mean = value }
        diurnal = m.mapping(.diurnal, DiurnalSpec.init(reading:))
        weekly = m.mapping(.weekly, WeeklySpec.init(reading:))
        noise = m.mapping(.noise, NoiseSpec.init(reading:))
        bursts = m.mapping(.bursts, BurstsSpec.init(reading:))
        if let value = m.double(.growthPerMonth) { growthPerMonth = value }
    }
}
