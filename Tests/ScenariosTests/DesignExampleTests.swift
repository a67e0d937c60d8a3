import Testing
import Yams
@testable import Scenarios

/// The example of docs/scenario-format.md loads without issues and means what the design says.
@Suite struct DesignExampleTests {
    @Test func loadsWithoutIssues() throws {
        let loaded = try #require(Fixture.loaded(DesignExample.yaml))
        let spec = loaded.spec
        #expect(spec.name == "demo" && spec.seed == 42 && spec.duration == .days(7) && spec.pue == 1.4)
        let cluster = loaded.resolved.clusters[0]
        #expect(cluster.hosts.count == 8)
        #expect(cluster.hosts.map(\.name).last == "prod-a-esx08")
        #expect(cluster.hosts[7].datastores == ["local-9"] && cluster.hosts[0].datastores == ["ds-a"])
        #expect(cluster.vms.count == 120 && cluster.vms[0].name == "web-0001" && cluster.vms[119].name == "web-0120")
        #expect(cluster.dpm.enabled && cluster.dpm.minHostsOn == 2 && cluster.dpm.historyPowerOff == .minutes(40))
        #expect(cluster.ha.enabled && cluster.drs.threshold == 3)
        #expect(cluster.spec.rules[0].mode == .must && cluster.spec.rules[1].relation == .runOn)
        #expect(cluster.spec.hostGroups.members(of: "fast") == ["prod-a-esx01", "prod-a-esx02"])
        #expect(spec.events.map(\.action) == [.migrate, .enterMaintenance, .failHost])
        #expect(spec.events[1].at == DurationValue.days(3) + .hours(2))
        #expect(spec.maintenanceWindows[0].start == DurationValue.days(6) + .hours(1))
        #expect(spec.failures?.hostMTBF == .hours(4_000))
        let sweep = try #require(spec.sweep)
        #expect(sweep.axes.map(\.path) == ["drs.threshold", "dpm.enabled"])
        let plan = try SweepPlan.make(from: loaded)
        #expect(plan.configurations.count == 10 && plan.runs.count == 100)
        #expect(plan.configurations[plan.baselineIndex].id == "drs.threshold=3,dpm.enabled=false")
        #expect(plan.baselineIndex == 4)
    }

    @Test func resolvedYAMLLoadsBackToTheSameSpec() throws {
        let loaded = try #require(Fixture.loaded(DesignExample.yaml))
        let text = try loaded.resolvedYAML()
        #expect(text.contains("pue: 1.4\n"))
        #expect(text.contains("vsphere_version: '6.7'"))
        #expect(text.contains("period: 5m\n"))
        #expect(!text.contains("web-0001\n"))
        let again = try #require(Fixture.loaded(text))
        #expect(again.spec == loaded.spec)
    }

    @Test func resolvedYAMLDecodesWithCodable() throws {
        let spec = try #require(Fixture.loaded(DesignExample.yaml)).spec
        let decoded = try YAMLDecoder().decode(ScenarioSpec.self, from: try spec.yamlText())
        #expect(decoded == spec)
    }

    @Test func validateWorksOnASpecBuiltInCode() {
        var cluster = ClusterSpec(name: "c", hosts: [HostEntrySpec(profile: "h", count: 2)],
                                  vms: [VMEntrySpec(profile: "v", count: 3, datastore: "datastore1", network: "VM Network")])
        cluster.drs.threshold = 6
        let spec = ScenarioSpec(name: "code", duration: .days(1),
                                hostProfiles: [HostProfileSpec(name: "h", cpu: CPUSpec(sockets: 1, coresPerSocket: 8, mhz: 2000),
                                                               memoryGB: 64, power: .linear(idleW: 50, maxW: 200))],
                                vmProfiles: [VMProfileSpec(name: "v", vcpus: 2, memoryGB: 4)], clusters: [cluster])
        let issues = spec.validate()
        #expect(issues.map(\.description) == ["scenario: clusters[0].drs.threshold: threshold must be 1…5 (got 6)"])
        #expect(ResolvedScenario(spec: spec).clusters[0].vms.map(\.name) == ["v-0001", "v-0002", "v-0003"])
    }
}
