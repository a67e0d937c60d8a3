import Foundation

/// What `drsim plan size` asks for (docs/planning.md).
public struct SizeRequest: Sendable {
    public var scenarioPath: String
    /// Results root: the plan goes to `<outDir>/size/<scenario name>/`.
    public var outDir = "results"
    public var settings: [String] = []
    /// The cluster to size.
    public var cluster: String
    /// One host profile, or two to compare (a refresh: old vs new hosts).
    public var hostProfiles: [String]
    public var serviceLevels: [String] = []
    public var window = SLOWindow.worstDay
    /// Size for the demand of this month (with the scenario's or `growthPerMonth` growth).
    public var horizonMonths = 0
    public var growthPerMonth: Double?
    public var replications = 3
    public var sampleDays = 7
    /// The search gives up above this many hosts.
    public var maximumHosts = 1_024
    public var options = PlanOptions()

    public init(scenarioPath: String, cluster: String, hostProfiles: [String]) {
        self.scenarioPath = scenarioPath
        self.cluster = cluster
        self.hostProfiles = hostProfiles
    }
}

/// One host count tried for a profile.
public struct SizeCandidate: Sendable {
    public var hosts: Int
    /// Per service level: its values over the replications and how many met it.
    public var values: [[Double]]
    public var met: [Int]
    /// Facility kWh per month of each replication.
    public var facilityKWhPerMonth: [Double]
    public var energyCostPerMonth: Double?
    public var co2KgPerMonth: Double?
    public var meetsAll: Bool
}

/// The search for one host profile.
public struct SizeProfileResult: Sendable {
    public var hostProfile: String
    /// Smallest host count meeting every service level.
    public var hostsNeeded: Int
    /// Every candidate tried, by host count.
    public var candidates: [SizeCandidate]
    public var hostCapacityMHz: Double
    public var hardwarePerMonth: Double?
    public var licensePerMonth: Double?
    public var vms: Int

    /// The candidate at ``hostsNeeded``.
    public var needed: SizeCandidate? { candidates.first { $0.hosts == hostsNeeded } }
    public var totalPerMonth: Double? {
        ClusterCost(hardwarePerMonth: hardwarePerMonth, licensePerMonth: licensePerMonth, vms: vms)
            .totalPerMonth(energyCostPerMonth: needed?.energyCostPerMonth)
    }
    public var costPerVMMonth: Double? {
        ClusterCost(hardwarePerMonth: hardwarePerMonth, licensePerMonth: licensePerMonth, vms: vms)
            .perVMMonth(energyCostPerMonth: needed?.energyCostPerMonth)
    }
}

/// What `drsim plan size` found.
public struct SizeResult: Sendable {
    public var folder: String
    public var cluster: String
    public var levels: [String]
    public var window: SLOWindow
    public var replications: Int
    public var profiles: [SizeProfileResult]
    public var runsExecuted: Int
    public var wallSeconds: Double
}
