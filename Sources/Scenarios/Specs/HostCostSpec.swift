/// What a host of a profile costs to own (docs/planning.md): its purchase price spread evenly over
/// its amortization period. Used by `drsim plan` for the cost per VM-month.
public struct HostCostSpec: Codable, Hashable, Sendable {
    /// Purchase price of one host (any currency, the same as `price_per_kwh`; ≥ 0, required).
    public var purchase: Double
    /// Months over which the purchase is written off (> 0). Default 60 (five years) [I]: a common
    /// server depreciation period, not a vSphere figure.
    public var amortizationMonths = 60.0

    /// A cost of `purchase` written off over `amortizationMonths`.
    public init(purchase: Double, amortizationMonths: Double = 60) {
        self.purchase = purchase
        self.amortizationMonths = amortizationMonths
    }

    /// Purchase cost per host per month.
    public var perMonth: Double { amortizationMonths > 0 ? purchase / amortizationMonths : 0 }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case purchase
        case amortizationMonths = "amortization_months"
    }
}

extension HostCostSpec {
    /// Reads a host profile's `cost:` block.
    init(reading m: MappingReader<CodingKeys>) {
        self.init(purchase: m.required(.purchase) { $0.double() } ?? 0)
        if let value = m.double(.amortizationMonths) { amortizationMonths = value }
    }
}
