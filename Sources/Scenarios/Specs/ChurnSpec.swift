/// VM churn of a VM group (docs/model.md "Workload"): Poisson arrivals and log-normal lifetimes. New VMs are
/// placed by DRS initial placement; one that fits nowhere counts as a failed admission.
public struct ChurnSpec: Codable, Hashable, Sendable {
    /// Mean arrivals per day (≥ 0). Default 1.
    public var arrivalsPerDay: Double
    /// Mean lifetime of an arriving VM (> 0). Default 7 days.
    public var lifetimeMean: DurationValue
    /// σ of ln(lifetime), the log-normal shape (≥ 0; 0 = every VM lives exactly the mean). Default 1.
    public var lifetimeSigma = 1.0

    /// Churn with the given rate and lifetimes.
    public init(arrivalsPerDay: Double = 1, lifetimeMean: DurationValue = .days(7), lifetimeSigma: Double = 1) {
        self.arrivalsPerDay = arrivalsPerDay
        self.lifetimeMean = lifetimeMean
        self.lifetimeSigma = lifetimeSigma
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case arrivalsPerDay = "arrivals_per_day"
        case lifetimeMean = "lifetime_mean"
        case lifetimeSigma = "lifetime_sigma"
    }
}

extension ChurnSpec {
    /// Reads a `churn:` block.
    init(reading m: MappingReader<CodingKeys>) {
        self.init()
        if let value = m.double(.arrivalsPerDay) { arrivalsPerDay = value }
        if let value = m.duration(.lifetimeMean) { lifetimeMean = value }
        if let value = m.double(.lifetimeSigma) { lifetimeSigma = value }
    }
}
