import Foundation
import Testing
@testable import Experiments

/// energy_cost = facility kWh × price, co2_kg = facility kWh × g/1000; vCPU saturation counted.
@Suite struct EnergyCostTests {
    @Test func costAndCO2FollowFacilityEnergy() throws {
        let (path, folder) = try PlanningFixture.write(PlanningFixture.yaml(vms: 20, hosts: 2), label: "cost")
        var request = RunRequest(scenarioPath: path)
        request.outDir = folder.path
        let result = try ScenarioRun.run(request)
        let summary = try #require(try PlanningFixture.rows(URL(fileURLWithPath: result.folder).appendingPathComponent("summary.csv")).first)
        let facility = try #require(Double(summary["facility_energy_kwh"] ?? ""))
        #expect(facility > 0)
        #expect(abs(PlanningFixture.number(summary, "energy_cost") - facility * 0.25) < 1e-5)
        #expect(abs(PlanningFixture.number(summary, "co2_kg") - facility * 400 / 1_000) < 1e-5)
        let rows = try PlanningFixture.rows(URL(fileURLWithPath: result.folder).appendingPathComponent("timeseries.csv"))
        let last = try #require(rows.last)
        let kwh = try #require(Double(last["facility_energy_kwh"] ?? ""))
        #expect(abs(PlanningFixture.number(last, "energy_cost") - kwh * 0.25) < 1e-5)
        #expect(abs(PlanningFixture.number(last, "co2_kg") - kwh * 0.4) < 1e-5)
    }

    @Test func withoutAPriceTheCellsAreEmpty() throws {
        let yaml = PlanningFixture.yaml(vms: 4, hosts: 2).replacingOccurrences(of: "price_per_kwh: 0.25\n", with: "")
        let (path, folder) = try PlanningFixture.write(yaml, label: "cost-none")
        var request = RunRequest(scenarioPath: path)
        request.outDir = folder.path
        let result = try ScenarioRun.run(request)
        let summary = try #require(try PlanningFixture.rows(URL(fileURLWithPath: result.folder).appendingPathComponent("summary.csv")).first)
        #expect(summary["energy_cost"] == "")
        #expect(summary["co2_kg"] != "")
    }

    /// Mean 0.9 grown 50 % for one month: 1.35 of the vCPUs, so 0.35 × 4000 MHz per VM is unmet.
    @Test func demandBeyondTheVCPUsIsCountedAsUnmet() throws {
        let yaml = PlanningFixture.yaml(vms: 10, hosts: 2, extra: "growth_per_month: 0.5\ngrowth_offset_months: 1")
            .replacingOccurrences(of: "mean: 0.5", with: "mean: 0.9")
        let (path, folder) = try PlanningFixture.write(yaml, label: "saturation")
        var request = RunRequest(scenarioPath: path)
        request.outDir = folder.path
        let result = try ScenarioRun.run(request)
        let first = try #require(try PlanningFixture.rows(URL(fileURLWithPath: result.folder).appendingPathComponent("timeseries.csv")).first)
        #expect(first["vms_vcpu_saturated"] == "10")
        #expect(abs(PlanningFixture.number(first, "cpu_unmet_mhz") - 10 * 0.35 * 4_000) < 0.2)
        #expect(abs(PlanningFixture.number(first, "cpu_demand_mhz") - 10 * 1.35 * 4_000) < 0.2)
        #expect(abs(PlanningFixture.number(first, "cpu_served_mhz") - 10 * 4_000) < 0.2)
    }

    @Test func theLargestHostsStartFailed() throws {
        let yaml = PlanningFixture.yaml(vms: 10, hosts: 2).replacingOccurrences(
            of: "hosts: [{profile: small, count: 2}]", with: "hosts: [{profile: small, count: 2}, {profile: big, count: 1}]")
        let (path, folder) = try PlanningFixture.write(yaml, label: "failed-largest")
        let loaded = try ScenarioRun.load(path: path, overrides: ["failed_largest_hosts=1"])
        let plan = try ModelBuilder.plan(loaded)
        let hosts = try #require(plan.clusters.first?.hosts)
        #expect(hosts.map { $0.initialState == .failed } == [false, false, true])
        #expect(ModelBuilder.largestHosts(hosts, count: 2) == [2, 0])
        var request = RunRequest(scenarioPath: path)
        request.outDir = folder.path
        request.overrides = ["failed_largest_hosts=1"]
        let result = try ScenarioRun.run(request)
        let rows = try PlanningFixture.rows(URL(fileURLWithPath: result.folder).appendingPathComponent("timeseries.csv"))
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0["hosts_failed"] == "1" && $0["vms_down"] == "0" && $0["cpu_capacity_mhz"] == "80000" })
    }
}
