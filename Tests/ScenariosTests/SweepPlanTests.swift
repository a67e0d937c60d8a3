import Testing
@testable import Scenarios

/// Sweep expansion: order, ids, slugs, baseline, extra axes, per-configuration scenarios.
@Suite struct SweepPlanTests {
    static let yaml = Fixture.minimal + """
    seed: 100
    sweep:
      axes:
        vmotion.sdps: [true, false]
        drs.threshold: [2, 3, 4]
      replications: 3
      baseline: {drs.threshold: 3}

    """

    @Test func axesKeepFileOrderAndFirstAxisVariesSlowest() throws {
        let loaded = try #require(Fixture.loaded(Self.yaml))
        let plan = try SweepPlan.make(from: loaded)
        #expect(plan.axes.map(\.path) == ["vmotion.sdps", "drs.threshold"])
        #expect(plan.configurations.map(\.id) == [
            "vmotion.sdps=true,drs.threshold=2", "vmotion.sdps=true,drs.threshold=3", "vmotion.sdps=true,drs.threshold=4",
            "vmotion.sdps=false,drs.threshold=2", "vmotion.sdps=false,drs.threshold=3", "vmotion.sdps=false,drs.threshold=4",
        ])
        #expect(plan.configurations[4].slug == "c004-vmotion.sdps-false_drs.threshold-3")
        #expect(plan.configurations.map(\.index) == Array(0..<6))
        #expect(plan.baselineIndex == 1)
        #expect(plan.replications == 3)
        #expect(plan.runs.count == 18)
        #expect(plan.runs[4] == SweepRun(configurationIndex: 1, replication: 1, seed: 101))
    }

    @Test func configurationScenariosCarryTheirValues() throws {
        let plan = try SweepPlan.make(from: try #require(Fixture.loaded(Self.yaml)))
        let scenario = try plan.scenario(for: plan.configurations[5])
        #expect(scenario.spec.vmotion.sdps == false)
        #expect(scenario.spec.clusters[0].drs.threshold == 4)
        #expect(scenario.resolved.clusters[0].vms.count == 10)
    }

    @Test func commandLineAxesComeAfterFileAxesOrReplaceThem() throws {
        let loaded = try #require(Fixture.loaded(Self.yaml))
        let plan = try SweepPlan.make(from: loaded, extraAxes: ["dpm.enabled=false,true", "drs.threshold=4,5"])
        #expect(plan.axes.map(\.path) == ["vmotion.sdps", "drs.threshold", "dpm.enabled"])
        #expect(plan.axes[1].values.map(\.text) == ["4", "5"])
        #expect(plan.configurations.count == 8)
        #expect(plan.configurations[0].id == "vmotion.sdps=true,drs.threshold=4,dpm.enabled=false")
        #expect(plan.baselineIndex == 0)
    }

    @Test func badCommandLineAxisIsAnIssue() throws {
        let loaded = try #require(Fixture.loaded(Self.yaml))
        do {
            _ = try SweepPlan.make(from: loaded, extraAxes: ["dpm.enabeld=false,true"])
            Issue.record("the misspelled axis was accepted")
        } catch {
            let issue = try #require(error.issues.first)
            #expect(issue.file == "--set")
            #expect(issue.message.contains("unknown key 'enabeld' (did you mean 'enabled'?)"))
        }
    }

    @Test func noSweepBlockGivesOneBaseConfiguration() throws {
        let plan = try SweepPlan.make(from: try #require(Fixture.loaded(Fixture.minimal)))
        #expect(plan.configurations.map(\.id) == ["base"])
        #expect(plan.configurations.map(\.slug) == ["c000-base"])
        #expect(plan.runs == [SweepRun(configurationIndex: 0, replication: 0, seed: 1)])
    }

    @Test func slugsAreFilesystemSafe() {
        let axes = [SweepAxisSpec(path: "clusters[prod a].dpm.enabled", values: [ScalarValue("true")]),
                    SweepAxisSpec(path: "name", values: [ScalarValue("a/b c", quoted: true)])]
        let configuration = SweepPlan.product(of: axes)[0]
        #expect(configuration.slug == "c000-clusters_prod_a_.dpm.enabled-true_name-a_b_c")
        #expect(configuration.id == "clusters[prod a].dpm.enabled=true,name=a/b c")
    }
}
