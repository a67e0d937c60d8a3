import Testing
@testable import Scenarios

/// `--set PATH=VALUE` overrides, applied to the document before reading (docs/sweeps.md).
@Suite struct OverrideTests {
    static let twoClusters = Fixture.minimal + """
      - name: prod-b
        hosts: [{profile: r650, count: 2}]
        vms: [{profile: web, name: app, count: 3}]

    """

    @Test func eachOverrideFormChangesItsKey() throws {
        let loaded = try #require(Fixture.loaded(Self.twoClusters, overrides: [
            "duration=2d", "drs.threshold=4", "clusters.prod-a.dpm.enabled=true",
            "vm_profiles.web.workload.cpu.mean=0.5", "host_profiles.r650.memory_gb=512",
        ]))
        let spec = loaded.spec
        #expect(spec.duration == .days(2))
        #expect(spec.drs.threshold == 4)
        #expect(spec.clusters.map(\.drs.threshold) == [4, 4])
        #expect(spec.clusters.map(\.dpm.enabled) == [true, false])
        #expect(spec.vmProfiles[0].workload.cpu?.mean == 0.5)
        #expect(spec.hostProfiles[0].memoryGB == 512)
        #expect(loaded.overrides.map(\.description).first == "duration=2d")
    }

    @Test func listElementsByIndexAndByProfile() throws {
        let spec = try #require(Fixture.loaded(Self.twoClusters, overrides: [
            "clusters.1.hosts.r650.count=5", "clusters[prod-a].vms.web.count=7",
        ])).spec
        #expect(spec.clusters[1].hosts[0].count == 5)
        #expect(spec.clusters[0].vms[0].count == 7)
    }

    @Test func quotedValuesAndFlowLists() throws {
        let spec = try #require(Fixture.loaded(Fixture.minimal, overrides: [
            "name=\"42\"", "clusters.prod-a.datastores=[ds-a, ds-b]", "clusters.prod-a.vms.web.datastore=ds-b",
        ])).spec
        #expect(spec.name == "42")
        #expect(spec.clusters[0].datastores == ["ds-a", "ds-b"])
        #expect(spec.clusters[0].vms[0].datastore == "ds-b")
    }

    @Test func unknownKeyInAnOverrideNamesTheOverride() throws {
        let issues = Fixture.issues(Fixture.minimal, overrides: ["drs.treshold=4"])
        let issue = try #require(issues.first)
        #expect(issues.count == 1)
        #expect(issue.file == "--set")
        #expect(issue.line == nil)
        #expect(issue.keyPath == "drs.treshold")
        #expect(issue.message.contains("unknown key 'treshold' (did you mean 'threshold'?)"))
        #expect(issue.message.hasSuffix("(from --set drs.treshold=4)"))
        #expect(issue.description.hasPrefix("--set: drs.treshold: unknown key"))
    }

    @Test func invalidValueInAnOverrideNamesTheOverride() throws {
        let issue = try #require(Fixture.issues(Fixture.minimal, overrides: ["clusters.prod-a.drs.threshold=9"]).first)
        #expect(issue.file == "--set")
        #expect(issue.keyPath == "clusters[0].drs.threshold")
        #expect(issue.message == "threshold must be 1…5 (got 9) (from --set clusters.prod-a.drs.threshold=9)")
    }

    @Test func pathsThatDoNotFitTheDocument() throws {
        let noCluster = try #require(Fixture.issues(Fixture.minimal, overrides: ["clusters.prod-z.dpm.enabled=true"]).first)
        #expect(noCluster.file == "--set")
        #expect(noCluster.message.contains("no element of clusters is named 'prod-z' (names: prod-a)"))
        let throughScalar = try #require(Fixture.issues(Fixture.minimal, overrides: ["duration.days=2"]).first)
        #expect(throughScalar.message.contains("cannot set 'days' inside 'duration'"))
        let noEquals = try #require(Fixture.issues(Fixture.minimal, overrides: ["drs.threshold"]).first)
        #expect(noEquals.message == "expected PATH=VALUE, got 'drs.threshold'")
        let emptyStep = try #require(Fixture.issues(Fixture.minimal, overrides: ["drs..threshold=4"]).first)
        #expect(emptyStep.message.contains("empty step"))
    }

    @Test func pathSyntax() throws {
        #expect(try OverridePath.parse("clusters[prod.a].dpm.enabled").get().steps == ["clusters", "prod.a", "dpm", "enabled"])
        #expect(try OverridePath.parse("clusters.\"prod.a\".dpm").get().steps == ["clusters", "prod.a", "dpm"])
        #expect(try OverridePath.parse("a.b").get().steps == ["a", "b"])
        #expect((try? OverridePath.parse("clusters[prod").get()) == nil)
        #expect(try ScenarioOverride.parse("clusters[a=b].x=1=2").get().valueText == "1=2")
        #expect(ScenarioOverride.splitValues("1, 2,\"a,b\",[x, y]") == ["1", "2", "\"a,b\"", "[x, y]"])
    }
}
