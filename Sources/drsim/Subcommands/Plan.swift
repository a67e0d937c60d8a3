import ArgumentParser
import Experiments
import Foundation

extension DRSimCommand {
    /// `drsim plan`: capacity-planning answers from CRN runs (docs/planning.md).
    struct Plan: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Capacity planning: runway under growth, hosts needed for service levels, cost and CO2.",
            discussion: "Service levels (--slo, repeatable): cpu_unmet_pct<=X, n_plus_1, ha_admission, judged per cluster over the worst day (--slo-window). Runs are CRN sweeps, resumable. See docs/planning.md.",
            subcommands: [Runway.self, Size.self])
    }
}

/// Options shared by the plan subcommands.
struct PlanCommonOptions: ParsableArguments {
    @Option(name: .customLong("slo"), help: ArgumentHelp(
        "A service level (repeatable): cpu_unmet_pct<=X, n_plus_1, ha_admission, drs_score>=X (clusters running score DRS: vsphere_version >= 7.0 or drs.algorithm: score); mem_contention_pct<=X (needs the memory model) is refused until its timeseries column exists.",
        valueName: "SLO"))
    var slos: [String] = []
    @Option(name: .customLong("slo-window"), help: "How a service level is judged per cluster: worst_day (default), p95_hour or whole_run.")
    var window = "worst_day"
    @Option(name: .customLong("growth-per-month"), help: "Demand growth per 30 days for every VM profile without its own (0.03 = 3 %).")
    var growth: Double?
    @Option(name: .long, help: "CRN replications (replication k uses seed + k in every case).")
    var replications = 3
    @Option(name: .customLong("sample-days"), help: "Days simulated per month (the representative period).")
    var sampleDays = 7
    @Option(name: .long, help: "Runs executed at once (default: all cores). Outputs do not depend on it.")
    var jobs: Int?
    @Option(name: .long, help: "Results folder.")
    var out = "results"
    @Flag(name: .long, help: "Check model invariants after every event (slow).")
    var checkInvariants = false

    func options(_ trap: SignalTrap, _ progress: ProgressLine) -> PlanOptions {
        var o = PlanOptions()
        if let jobs { o.jobs = jobs }
        o.checkInvariants = checkInvariants
        o.cancellation = trap.flag
        o.progress = { p in progress.show(DRSimCommand.Sweep.progressText(p)) }
        return o
    }

    /// Runs one plan: the progress line, the run options, the `--slo-window` value, the report
    /// and the exit code are the same for every plan; `plan` is the library call.
    func execute(quiet: Bool, _ plan: (PlanOptions, SLOWindow) throws -> String) throws {
        let trap = SignalTrap()
        let progress = ProgressLine(quiet: quiet)
        do {
            let report = try plan(options(trap, progress), try SLOWindow.parse(window))
            progress.finish()
            if !quiet { print(report, terminator: "") }
        } catch {
            progress.finish()
            throw Exit.fail(error, signals: trap)
        }
    }
}

extension DRSimCommand.Plan {
    /// `drsim plan runway`: the first month each service level breaks, per cluster.
    struct Runway: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Per cluster, the first month a service level breaks under growth (runway.csv).")

        @Argument(help: "Scenario YAML file.")
        var scenario: String
        @Option(name: .long, help: "Months simulated after today.")
        var horizon = 36
        @OptionGroup var plan: PlanCommonOptions
        @OptionGroup var set: OverrideOptions
        @OptionGroup var common: CommonOptions

        func run() throws {
            var request = RunwayRequest(scenarioPath: scenario)
            request.outDir = plan.out
            request.settings = set.overrides
            request.growthPerMonth = plan.growth
            request.horizonMonths = horizon
            request.serviceLevels = plan.slos
            request.replications = plan.replications
            request.sampleDays = plan.sampleDays
            try plan.execute(quiet: common.quiet) { options, window in
                request.options = options
                request.window = window
                return PlanReport.text(try RunwayPlanner.run(request))
            }
        }
    }

    /// `drsim plan size`: the smallest host count meeting every service level.
    struct Size: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The smallest count of hosts of a profile meeting every service level (size.csv); two profiles are compared.")

        @Argument(help: "Scenario YAML file.")
        var scenario: String
        @Option(name: .long, help: "The cluster to size.")
        var cluster: String
        @Option(name: .customLong("host-profile"), help: "Host profile (give two to compare, e.g. old and new hosts).")
        var hostProfiles: [String] = []
        @Option(name: .long, help: "Size for the demand of this month (growth applied).")
        var horizon = 0
        @Option(name: .customLong("max-hosts"), help: "Give up above this many hosts.")
        var maxHosts = 1_024
        @OptionGroup var plan: PlanCommonOptions
        @OptionGroup var set: OverrideOptions
        @OptionGroup var common: CommonOptions

        func run() throws {
            var request = SizeRequest(scenarioPath: scenario, cluster: cluster, hostProfiles: hostProfiles)
            request.outDir = plan.out
            request.settings = set.overrides
            request.growthPerMonth = plan.growth
            request.horizonMonths = horizon
            request.maximumHosts = maxHosts
            request.serviceLevels = plan.slos
            request.replications = plan.replications
            request.sampleDays = plan.sampleDays
            try plan.execute(quiet: common.quiet) { options, window in
                request.options = options
                request.window = window
                return PlanReport.text(try SizePlanner.run(request))
            }
        }
    }
}
