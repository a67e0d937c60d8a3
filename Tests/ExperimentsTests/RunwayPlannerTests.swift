import Foundation
import Testing
@testable import Experiments

/// `drsim plan runway` against the closed form of constant demand growing at g per month.
@Suite struct RunwayPlannerTests {
    /// Demand d₀ growing at g per month reaches capacity at ln(cap/d₀)/ln(1+g) months; the first
    /// breaking month must be within one month of it.
    @Test(arguments: [(vms: 70, growth: 0.05), (vms: 50, growth: 0.1)])
    func runwayMatchesTheClosedForm(vms: Int, growth: Double) throws {
        let (path, folder) = try PlanningFixture.write(PlanningFixture.yaml(vms: vms, hosts: 4), label: "runway")
        var request = RunwayRequest(scenarioPath: path)
        request.outDir = folder.path
        request.growthPerMonth = growth
        request.horizonMonths = 8
        request.serviceLevels = ["cpu_unmet_pct<=0.5"]
        request.replications = 2
        request.sampleDays = 1
        request.options.jobs = 2
        let result = try RunwayPlanner.run(request)

        let capacity = 4 * 40_000.0, demand = Double(vms) * 2_000
        let closedForm = log(capacity / demand) / log(1 + growth)
        let row = try #require(result.rows.first)
        #expect(result.rows.count == 1)
        #expect(row.breachMonths.count == 2)
        for month in row.breachMonths {
            let m = try #require(month)
            #expect(abs(Double(m) - closedForm) <= 1, "breach month \(m), closed form \(closedForm)")
        }
        let csv = try PlanningFixture.rows(URL(fileURLWithPath: result.folder).appendingPathComponent("runway.csv"))
        #expect(csv.count == 1)
        #expect(csv.first?["replications_breached"] == "2")
        let months = try PlanningFixture.rows(URL(fileURLWithPath: result.folder).appendingPathComponent("runway_months.csv"))
        #expect(months.count == 9)
        // Month 0's mean demand is d₀ (plus the growth within the simulated day).
        let d0 = try #require(months.first?["cpu_demand_mhz"].flatMap(Double.init))
        #expect(abs(d0 / demand - 1) < 0.002)
    }

    @Test func nPlusOneBreaksWhenTheLargestHostNoLongerFits() throws {
        let (path, folder) = try PlanningFixture.write(PlanningFixture.yaml(vms: 50, hosts: 4), label: "runway-n1")
        var request = RunwayRequest(scenarioPath: path)
        request.outDir = folder.path
        request.growthPerMonth = 0.1
        request.horizonMonths = 6
        request.serviceLevels = ["cpu_unmet_pct<=0.5", "n_plus_1", "ha_admission"]
        request.replications = 1
        request.sampleDays = 1
        let result = try RunwayPlanner.run(request)
        #expect(result.rows.map(\.serviceLevel) == ["cpu_unmet_pct<=0.5", "n_plus_1", "ha_admission"])
        // Three hosts hold 120,000 MHz: ln(1.2)/ln(1.1) = 1.9 months.
        let n1 = try #require(result.rows[1].breachMonths.first ?? nil)
        #expect(abs(Double(n1) - log(1.2) / log(1.1)) <= 1)
        // 50 × (4 GiB + overhead) fits easily in 3 × 512 GiB: admission control never refuses.
        #expect(result.rows[2].breachMonths == [nil])
    }
}
