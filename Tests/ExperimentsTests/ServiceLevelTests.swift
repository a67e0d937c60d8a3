import Foundation
import Testing
@testable import Experiments

/// `--slo` parsing and the per-cluster windows of docs/planning.md.
@Suite struct ServiceLevelTests {
    @Test func parsesEachKind() throws {
        #expect(try ServiceLevel.parse("cpu_unmet_pct<=1").description == "cpu_unmet_pct<=1")
        #expect(try ServiceLevel.parse(" cpu_unmet_pct <= 0.5 ").description == "cpu_unmet_pct<=0.5")
        #expect(try ServiceLevel.parse("n_plus_1") == .nPlusOne)
        #expect(try ServiceLevel.parse("ha_admission") == .haAdmission)
        for bad in ["cpu_unmet_pct>=1", "cpu_unmet_pct<=x", "latency<=3", "n_plus_2", ""] {
            #expect(throws: InputError.self, "\(bad)") { try ServiceLevel.parse(bad) }
        }
        #expect(throws: InputError.self) { try ServiceLevel.parseAll([]) }
        #expect(throws: InputError.self) { try ServiceLevel.parseAll(["n_plus_1", "n_plus_1"]) }
    }

    /// mem_contention_pct and drs_score read the memory model's and score DRS's columns: both are
    /// written now, so both parse (a metric whose columns are missing is refused with its model).
    @Test(arguments: ["mem_contention_pct<=1", "drs_score>=80"])
    func metricsOfTheMemoryModelAndScoreDRSParse(text: String) throws {
        let name = String(text.prefix { $0 != "<" && $0 != ">" })
        let metric = try #require(PlanMetric.named(name))
        #expect(metric.isAvailable)
        #expect(try ServiceLevel.parse(text).description == text)
    }

    /// mem_contention_pct is the share of active memory not resident over the window, as summary.csv's.
    @Test func memoryContentionIsAShareOfActiveMemory() throws {
        let metric = try #require(PlanMetric.named("mem_contention_pct"))
        #expect(metric.isAvailable)
        var s = ClusterSeries()
        for i in 0..<4 {
            s.time.append(Double(i) * 300)
            s.values["mem_active_mb", default: []].append(1_000)
            s.values["mem_contention_mb", default: []].append(i == 3 ? 200 : 0)
        }
        #expect(metric.value(s, 0..<4) == 5)      // 200 of 4,000 MB·samples
        #expect(metric.value(s, 0..<3) == 0)
        #expect(try ServiceLevel.parse("mem_contention_pct<=2").description == "mem_contention_pct<=2")
    }

    /// Two days sampled every 30 min, demand 100 MHz; one sample of day 2 (hour 34) has 50 MHz unmet.
    static func series() -> ClusterSeries {
        var s = ClusterSeries()
        for i in 0..<96 {
            s.time.append(Double(i) * 1_800)
            s.values["cpu_demand_mhz", default: []].append(100)
            s.values["cpu_unmet_mhz", default: []].append(i == 68 ? 50 : 0)
            s.values["score", default: []].append(i < 48 ? 90 : 70)
        }
        return s
    }

    @Test func windowsJudgeTheWholeRunTheWorstDayOrTheP95Hour() throws {
        let s = Self.series()
        let unmet = try #require(PlanMetric.named("cpu_unmet_pct"))
        // The first hour (2 samples) is the warm-up: 94 judged samples.
        #expect(abs((SLOWindow.wholeRun.value(of: unmet, in: s) ?? -1) - 100 * 50 / 9_400) < 1e-12)
        #expect(abs((SLOWindow.worstDay.value(of: unmet, in: s) ?? -1) - 100 * 50 / 4_800) < 1e-12)   // day 2: 48 samples
        // One hour of 47 at 25 %: the 95th percentile of the hours is 0.
        #expect(SLOWindow.p95Hour.value(of: unmet, in: s) == 0)
        let score = PlanMetric(name: "score", reduction: .mean("score"), higherIsBetter: true, providedBy: "test")
        #expect(SLOWindow.worstDay.value(of: score, in: s) == 70)
        #expect(SLOWindow.wholeRun.value(of: score, in: s).map { abs($0 - (46 * 90 + 48 * 70) / 94.0) < 1e-12 } == true)
        #expect(throws: InputError.self) { try SLOWindow.parse("worst_week") }
    }
}
