import Foundation

/// What `drsim plan runway` asks for (docs/planning.md).
public struct RunwayRequest: Sendable {
    public var scenarioPath: String
    /// Results root: the plan goes to `<outDir>/runway/<scenario name>/`.
    public var outDir = "results"
    /// Plain `--set PATH=VALUE` overrides.
    public var settings: [String] = []
    /// Growth per 30 days for every VM profile without its own (the scenario's `growth_per_month`); nil keeps the file's.
    public var growthPerMonth: Double?
    /// Months simulated: 0 (today) to `horizonMonths`.
    public var horizonMonths = 36
    /// `--slo` texts.
    public var serviceLevels: [String] = []
    public var window = SLOWindow.worstDay
    public var replications = 3
    /// Days simulated per month (the representative period).
    public var sampleDays = 7
    public var options = PlanOptions()

    public init(scenarioPath: String) { self.scenarioPath = scenarioPath }
}

/// When a service level of a cluster first breaks.
public struct RunwayRow: Sendable {
    public var cluster: String
    public var serviceLevel: String
    /// First month that breaks it, per replication (nil: none within the horizon).
    public var breachMonths: [Int?]
    /// The level's value in that month, per replication.
    public var valuesAtBreach: [Double?]
}

/// One cluster in one month, averaged over replications (the demand-vs-capacity chart).
public struct RunwayMonth: Sendable {
    public var cluster: String
    public var month: Int
    public var demandMHz: Double
    public var peakDemandMHz: Double
    public var capacityMHz: Double
    public var energy: [Double?]   // facility kWh, energy cost, CO₂ per month
    public var costPerVMMonth: Double?
    public var hardwarePerMonth: Double?
    public var licensePerMonth: Double?
    /// Per service level: the values over replications and how many met it.
    public var levelValues: [[Double]]
    public var levelMet: [Int]
}

/// What `drsim plan runway` found.
public struct RunwayResult: Sendable {
    public var folder: String
    public var levels: [String]
    public var window: SLOWindow
    public var replications: Int
    public var horizonMonths: Int
    public var rows: [RunwayRow]
    public var months: [RunwayMonth]
    public var runsExecuted: Int
    public var wallSeconds: Double
}
