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

/// `co2_trace`: each sample interval's energy is charged at its hour's intensity.
@Suite struct CO2TraceTests {
    /// Flat demand draws constant power, so a day at 100 g/kWh for 12 hours and 500 for 12 emits
    /// facility kWh × 300 / 1000 kg.
    @Test func hourlyIntensityIsChargedHourByHour() throws {
        let yaml = PlanningFixture.yaml(vms: 20, hosts: 2).replacingOccurrences(of: "co2_g_per_kwh: 400", with: "co2_trace: grid.csv")
            .replacingOccurrences(of: "drs: {enabled: true, threshold: 3}", with: "drs: {enabled: false}")
        let (path, folder) = try PlanningFixture.write(yaml, label: "co2-trace")
        let hours = (0..<24).map { "2026-01-05T\($0):00,\($0 < 12 ? 100 : 500)" }
        try (["timestamp,g_per_kwh"] + hours).joined(separator: "\n").write(
            to: folder.appendingPathComponent("grid.csv"), atomically: true, encoding: .utf8)
        var request = RunRequest(scenarioPath: path)
        request.outDir = folder.path
        let result = try ScenarioRun.run(request)
        let summary = try #require(try PlanningFixture.rows(URL(fileURLWithPath: result.folder).appendingPathComponent("summary.csv")).first)
        let facility = PlanningFixture.number(summary, "facility_energy_kwh")
        #expect(facility > 0)
        #expect(abs(PlanningFixture.number(summary, "co2_kg") - facility * 0.3) < 1e-4)
        // At noon the cumulative CO₂ is the first 12 hours at 100 g/kWh.
        let rows = try PlanningFixture.rows(URL(fileURLWithPath: result.folder).appendingPathComponent("timeseries.csv"))
        let noon = try #require(rows.first { $0["time_s"] == "43200" })
        #expect(abs(PlanningFixture.number(noon, "co2_kg") - PlanningFixture.number(noon, "facility_energy_kwh") * 0.1) < 1e-5)
    }

    @Test func badTracesAreInputErrors() throws {
        let yaml = PlanningFixture.yaml(vms: 2, hosts: 1).replacingOccurrences(of: "co2_g_per_kwh: 400", with: "co2_trace: grid.csv")
        let (path, folder) = try PlanningFixture.write(yaml, label: "co2-bad")
        var request = RunRequest(scenarioPath: path)
        request.outDir = folder.path
        #expect(throws: InputError.self) { try ScenarioRun.run(request) }   // missing file
        try "hour,grams\n0,100\n".write(to: folder.appendingPathComponent("grid.csv"), atomically: true, encoding: .utf8)
        #expect(throws: InputError.self) { try ScenarioRun.run(request) }   // no g_per_kwh column
        try "g_per_kwh\n100\n-3\n".write(to: folder.appendingPathComponent("grid.csv"), atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioRun.run(request)
            Issue.record("a negative intensity was accepted")
        } catch let error as InputError {
            #expect(error.description.contains("grid.csv:3"))
        }
    }
}
