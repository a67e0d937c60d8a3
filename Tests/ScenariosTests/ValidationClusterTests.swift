import Testing
@testable import Scenarios

/// Semantic checks of clusters and their entries: key path and line of each issue.
@Suite struct ValidationClusterTests {
    @Test func unknownHostProfileSuggestsTheClosest() throws {
        let yaml = Fixture.replacing("hosts: [{profile: r650, count: 4}]", with: "hosts: [{profile: r65O, count: 4}]")
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "clusters[0].hosts[0].profile")
        #expect(issue.line == Fixture.line(of: "r65O", in: yaml))
        #expect(issue.message == "unknown host profile 'r65O' (did you mean 'r650'?) (defined: r650)")
    }

    @Test func unknownVMProfile() throws {
        let yaml = Fixture.replacing("vms: [{profile: web, count: 10}]", with: "vms: [{profile: db, count: 10}]")
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "clusters[0].vms[0].profile")
        #expect(issue.line == Fixture.line(of: "profile: db", in: yaml))
    }

    @Test func duplicateClusterNames() throws {
        let yaml = Fixture.minimal + """
              - name: prod-a
                hosts: [{profile: r650, names: [other-1]}]
                vms: [{profile: web, name: app, count: 1}]

            """.replacingOccurrences(of: "      - name", with: "  - name").replacingOccurrences(of: "        ", with: "    ")
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "clusters[1].name")
        #expect(issue.message == "duplicate cluster name 'prod-a' (also at clusters[0])")
        #expect(issue.line == Fixture.line(of: "hosts: [{profile: r650, names", in: yaml) - 1)
    }

    @Test func countAndNamesAreExclusive() throws {
        let both = Fixture.replacing("count: 4}", with: "count: 4, names: [a, b]}")
        let issue = try #require(Fixture.issues(both).first)
        #expect(issue.keyPath == "clusters[0].hosts[0].names")
        #expect(issue.message == "give either count or names, not both")
        #expect(issue.line == Fixture.line(of: "names: [a, b]", in: both))

        let neither = Fixture.replacing("{profile: r650, count: 4}", with: "{profile: r650}")
        let missing = try #require(Fixture.issues(neither).first)
        #expect(missing.keyPath == "clusters[0].hosts[0].count")
        #expect(missing.message == "give either count or names")
        #expect(missing.line == Fixture.line(of: "{profile: r650}", in: neither))
    }

    @Test func zeroCountIsRefused() throws {
        let yaml = Fixture.replacing("{profile: web, count: 10}", with: "{profile: web, count: 0}")
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "clusters[0].vms[0].count")
        #expect(issue.message == "count must be at least 1 (got 0)")
    }

    @Test func vmLargerThanEveryHost() throws {
        let yaml = Fixture.replacing("    vcpus: 4\n    memory_gb: 16\n", with: "    vcpus: 64\n    memory_gb: 16\n")
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "clusters[0].vms[0].profile")
        #expect(issue.line == Fixture.line(of: "vms: [{profile: web", in: yaml))
        #expect(issue.message.contains("VM profile 'web' (64 vCPUs, 16 GB) is larger than every host of cluster 'prod-a'"))
        #expect(issue.message.contains("largest: 'r650', 48 cores, 768 GB"))
    }

    @Test func duplicateEntityNamesAcrossClusters() throws {
        let yaml = Fixture.minimal + """
          - name: prod-b
            hosts: [{profile: r650, names: [prod-a-esx02]}]
            vms: [{profile: web, names: [web-0003, "db 1"]}]

        """
        let issues = Fixture.issues(yaml)
        #expect(issues.count == 2, "\(issues)")
        let host = try #require(Fixture.issue(at: "clusters[1].hosts[0].names[0]", in: issues))
        #expect(host.message == "duplicate host name 'prod-a-esx02' (also from clusters[0].hosts[0].count)")
        #expect(host.line == Fixture.line(of: "names: [prod-a-esx02]", in: yaml))
        let vm = try #require(Fixture.issue(at: "clusters[1].vms[0].names[0]", in: issues))
        #expect(vm.message.contains("duplicate VM name 'web-0003'"))
    }

    @Test func datastoreMustBeMountedSomewhere() throws {
        let yaml = Fixture.replacing("{profile: web, count: 10}", with: "{profile: web, count: 10, datastore: ds-z}")
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "clusters[0].vms[0].datastore")
        #expect(issue.message == "no host of cluster 'prod-a' mounts datastore 'ds-z'")
    }

    @Test func evcAboveAHostGenerationIsRefused() throws {
        let yaml = Fixture.replacing("cpu: {sockets: 2", with: "cpu: {generation: skylake, sockets: 2")
            .replacingOccurrences(of: "  - name: prod-a\n", with: "  - name: prod-a\n    evc: icelake\n")
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "clusters[0].evc")
        #expect(issue.line == Fixture.line(of: "evc: icelake", in: yaml))
    }

    @Test func dpmNeedsDRS() throws {
        let yaml = Fixture.minimal + "drs: {enabled: false}\ndpm: {enabled: true}\n"
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "clusters[0].dpm.enabled")
        #expect(issue.message.contains("DPM needs DRS"))
        #expect(issue.line == Fixture.line(of: "- name: prod-a", in: yaml))
    }

    @Test func absurdSizesAreRefusedBeforeExpansion() throws {
        let yaml = Fixture.replacing("{profile: web, count: 10}", with: "{profile: web, count: 20000000}")
        let clock = ContinuousClock()
        var issues: [ValidationIssue] = []
        let elapsed = clock.measure { issues = Fixture.issues(yaml) }
        let issue = try #require(issues.first)
        #expect(issue.keyPath == "clusters")
        #expect(issue.message == "the scenario has more than 10,000,000 VMs; refusing to expand it")
        #expect(issue.line == Fixture.line(of: "- name: prod-a", in: yaml))
        #expect(elapsed < .seconds(2))
    }
}
