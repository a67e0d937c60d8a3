import ClusterModel
import Foundation
import Scenarios

/// `drsim plan size` (docs/planning.md): the smallest count of hosts of a profile that meets every
/// service level for one cluster. Each candidate count is a sweep configuration (the cluster's
/// hosts replaced by `count` hosts of the profile), run over the same CRN replications as every
/// other candidate; the search doubles from the capacity-equivalent of today's hosts until a count
/// meets every level in every replication, then bisects down to the smallest such count
/// (service levels improve with hosts, which the common random numbers keep true run by run).
public enum SizePlanner {
    public static func run(_ request: SizeRequest) throws -> SizeResult {
        let started = Date()
        let levels = try ServiceLevel.parseAll(request.serviceLevels)
        guard !request.hostProfiles.isEmpty, request.hostProfiles.count <= 2 else {
            throw InputError("give one --host-profile, or two to compare (got \(request.hostProfiles.count))")
        }
        guard request.replications >= 1 else { throw InputError("--replications must be at least 1 (got \(request.replications))") }
        guard (1...366).contains(request.sampleDays) else { throw InputError("--sample-days must be 1 to 366 (got \(request.sampleDays))") }
        guard (0...600).contains(request.horizonMonths) else { throw InputError("--horizon must be 0 to 600 months (got \(request.horizonMonths))") }
        guard request.maximumHosts >= 1 else { throw InputError("--max-hosts must be at least 1") }
        if let g = request.growthPerMonth, !(g > -1) { throw InputError("--growth-per-month must be above -1 (got \(g))") }

        var overrides = try PlanRunSet.plainOverrides(request.settings)
        overrides += ["sweep=null", "duration=\(request.sampleDays)d", "growth_offset_months=\(request.horizonMonths)"]
        if let g = request.growthPerMonth { overrides.append("growth_per_month=\(PlanFormat.number(g))") }
        let loaded = try ScenarioRun.load(path: request.scenarioPath, overrides: overrides)
        guard let cluster = loaded.resolved.clusters.first(where: { $0.name == request.cluster }) else {
            let names = loaded.resolved.clusters.map(\.name).joined(separator: ", ")
            throw InputError("--cluster '\(request.cluster)': no such cluster in \(loaded.fileName) (clusters: \(names))")
        }
        try ScoreDRSCheck.check(levels, clusters: [cluster.spec])
        var profiles: [HostProfileSpec] = []
        for name in request.hostProfiles {
            guard let p = loaded.spec.hostProfiles.first(where: { $0.name == name }) else {
                let names = loaded.spec.hostProfiles.map(\.name).joined(separator: ", ")
                throw InputError("--host-profile '\(name)': no such host profile in \(loaded.fileName) (profiles: \(names))")
            }
            profiles.append(p)
        }
        let todayMHz = cluster.hosts.reduce(0.0) { total, h in
            let p = loaded.spec.hostProfiles[h.profileIndex]
            return total + Double(p.cpu.sockets * p.cpu.coresPerSocket * p.cpu.mhz)
        }

        let search = SizeSearch(request: request, levels: levels, overrides: overrides, name: loaded.spec.name)
        var results: [SizeProfileResult] = []
        var executed = 0
        for profile in profiles {
            let hostMHz = Double(profile.cpu.sockets * profile.cpu.coresPerSocket * profile.cpu.mhz)
            let start = max(1, Int((todayMHz / hostMHz).rounded(.up)))
            let (needed, candidates, runs) = try search.smallest(profile: profile.name, start: min(start, request.maximumHosts))
            executed += runs
            let cost = ClusterCost(hosts: Array(repeating: profile, count: needed), licensePerCore: loaded.spec.licensePerCore,
                                   vms: cluster.vms.count)
            results.append(SizeProfileResult(hostProfile: profile.name, hostsNeeded: needed, candidates: candidates,
                                             hostCapacityMHz: hostMHz, hardwarePerMonth: cost.hardwarePerMonth,
                                             licensePerMonth: cost.licensePerMonth, vms: cost.vms))
        }
        let folder = search.folder
        let result = SizeResult(folder: folder.path, cluster: request.cluster, levels: levels.map(\.description), window: request.window,
                                replications: request.replications, profiles: results, runsExecuted: executed,
                                wallSeconds: Date().timeIntervalSince(started))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try SizeTables(result: result).write(into: folder)
        return result
    }
}

/// The candidate runs and the bisection of one `drsim plan size`.
struct SizeSearch {
    let request: SizeRequest
    let levels: [ServiceLevel]
    let overrides: [String]
    let name: String

    /// `<out>/size/<scenario name>/`.
    var folder: URL {
        URL(fileURLWithPath: request.outDir).appendingPathComponent("size").appendingPathComponent(RunFolder.safeName(name))
    }

    /// The smallest count meeting every level, the candidates tried (by count) and the runs executed.
    func smallest(profile: String, start: Int) throws -> (Int, [SizeCandidate], Int) {
        var tried: [Int: SizeCandidate] = [:]
        var executed = 0
        func probe(_ n: Int) throws -> Bool {
            if let known = tried[n] { return known.meetsAll }
            let (candidate, runs) = try evaluate(profile: profile, hosts: n)
            tried[n] = candidate
            executed += runs
            return candidate.meetsAll
        }
        var low = 0           // the largest count known to fail (0: none tried)
        var high = start
        while !(try probe(high)) {
            low = high
            guard high < request.maximumHosts else {
                throw InputError("no count of \(profile) hosts up to \(request.maximumHosts) meets every service level "
                                 + "for cluster \(request.cluster) (raise --max-hosts, or check the service levels)")
            }
            high = min(request.maximumHosts, high * 2)
        }
        while high - low > 1 {
            let mid = (low + high) / 2
            if try probe(mid) { high = mid } else { low = mid }
        }
        return (high, tried.keys.sorted().compactMap { tried[$0] }, executed)
    }

    /// Runs `hosts` hosts of `profile` (and the failure case when a level needs it) and judges them.
    func evaluate(profile: String, hosts: Int) throws -> (SizeCandidate, Int) {
        let clusterPath = PlanRunSet.clusterPath(request.cluster)
        let hostOverride = "\(clusterPath).hosts=[{profile: \(Self.quoted(profile)), count: \(hosts)}]"
        let needsFailure = levels.contains { $0.needsFailureRun }
        var settings = overrides + [hostOverride]
        if needsFailure { settings.append(PlanRunSet.axis("failed_largest_hosts", ["0", "1"])) }
        let judge = ServiceLevelJudge(levels: levels, window: request.window)
        let columns = Array(Set(judge.columns + MonthlyEnergy.columns)).sorted()
        let probeDir = folder.appendingPathComponent("candidates").appendingPathComponent(RunFolder.safeName("\(profile)-\(hosts)"))
        let runs = try PlanRunSet.run(scenarioPath: request.scenarioPath, settings: settings, replications: request.replications,
                                      outDir: probeDir.path, columns: columns, options: request.options)
        let loaded = try ScenarioRun.load(path: request.scenarioPath, overrides: overrides + [hostOverride])
        let plan = try ModelBuilder.plan(loaded)
        let haRatio = plan.clusters.first { $0.name == request.cluster }.map(HAAdmissionCheck.ratio) ?? 0

        var values = Array(repeating: [Double](), count: levels.count)
        var met = Array(repeating: 0, count: levels.count)
        var kwh: [Double] = [], cost: [Double?] = [], co2: [Double?] = []
        for k in 0..<request.replications {
            let base = try runs.series(configuration: 0, replication: k)
            let failure = needsFailure ? try runs.series(configuration: 1, replication: k) : [:]
            guard let s = base[request.cluster] else { throw InputError("\(runs.sweep.folder): no samples of cluster \(request.cluster)") }
            for (l, j) in judge.judge(base: s, failure: failure[request.cluster], haRatio: haRatio).enumerated() {
                if let v = j.value { values[l].append(v) }
                if j.holds { met[l] += 1 }
            }
            let energy = MonthlyEnergy(s)
            if let e = energy.facilityKWh { kwh.append(e) }
            cost.append(energy.energyCost)
            co2.append(energy.co2Kg)
        }
        let candidate = SizeCandidate(hosts: hosts, values: values, met: met, facilityKWhPerMonth: kwh,
                                      energyCostPerMonth: RunwayPlanner.mean(cost), co2KgPerMonth: RunwayPlanner.mean(co2),
                                      meetsAll: met.allSatisfy { $0 == request.replications })
        return (candidate, runs.sweep.runsExecuted)
    }

    /// `text` as a double-quoted YAML scalar.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
