import Testing
@testable import Scenarios

/// One test per decoding error class: each issue names the key path and the right line.
@Suite struct ReadingIssueTests {
    @Test func unknownKeyIsReportedWithSuggestionAndValidKeys() throws {
        let yaml = Fixture.minimal + "drs: {enabled: true, treshold: 4}\n"
        let issues = Fixture.issues(yaml)
        #expect(issues.count == 1)
        let issue = try #require(Fixture.issue(at: "drs.treshold", in: issues))
        #expect(issue.line == Fixture.line(of: "treshold", in: yaml))
        #expect(issue.column == 22)
        #expect(issue.message.contains("unknown key 'treshold' (did you mean 'threshold'?)"))
        #expect(issue.message.contains("(valid: enabled, automation, threshold, period, pairwise, demand_window, algorithm, scalable_shares)"))
        #expect(issue.description.hasPrefix("test.yaml:\(issue.line ?? 0):22: drs.treshold: unknown key"))
    }

    @Test func unknownTopLevelAndNestedKeys() throws {
        let yaml = Fixture.replacing("    memory_gb: 16\n", with: "    memory_gb: 16\n    memroy_gb: 8\n") + "durration: 2d\n"
        let issues = Fixture.issues(yaml)
        let nested = try #require(Fixture.issue(at: "vm_profiles[0].memroy_gb", in: issues))
        #expect(nested.line == Fixture.line(of: "memroy_gb", in: yaml))
        #expect(nested.message.contains("did you mean 'memory_gb'?"))
        let top = try #require(Fixture.issue(at: "durration", in: issues))
        #expect(top.line == Fixture.line(of: "durration", in: yaml))
        #expect(top.message.contains("did you mean 'duration'?"))
    }

    @Test func wrongTypeNamesTheExpectedType() throws {
        let yaml = Fixture.replacing("memory_gb: 768", with: "memory_gb: lots")
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "host_profiles[0].memory_gb")
        #expect(issue.line == Fixture.line(of: "memory_gb: lots", in: yaml))
        #expect(issue.message == "expected a number, found 'lots'")
    }

    @Test func wrongShapeIsReported() throws {
        let yaml = Fixture.replacing("hosts: [{profile: r650, count: 4}]", with: "hosts: {profile: r650, count: 4}")
        let issues = Fixture.issues(yaml)
        let issue = try #require(Fixture.issue(at: "clusters[0].hosts", in: issues))
        #expect(issue.message == "expected a list, found a mapping")
        #expect(issue.line == Fixture.line(of: "hosts: {", in: yaml))
    }

    @Test func integerExpectedButFractionGiven() throws {
        let yaml = Fixture.replacing("count: 4", with: "count: 4.5")
        let issue = try #require(Fixture.issue(at: "clusters[0].hosts[0].count", in: Fixture.issues(yaml)))
        #expect(issue.message == "expected an integer, found 4.5")
        #expect(issue.line == Fixture.line(of: "count: 4.5", in: yaml))
    }

    @Test func badEnumValueListsTheValidOnes() throws {
        let yaml = Fixture.minimal + "drs:\n  automation: fully_automatic\n"
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "drs.automation")
        #expect(issue.line == Fixture.line(of: "fully_automatic", in: yaml))
        #expect(issue.message.contains("unknown value 'fully_automatic' (did you mean 'fully_automated'?)"))
        #expect(issue.message.contains("(valid: manual, partially_automated, fully_automated)"))
    }

    @Test func badDurationsGiveHints() throws {
        let yaml = Fixture.replacing("duration: 1d", with: "duration: 300") + "drs: {period: 5x}\n"
        let issues = Fixture.issues(yaml)
        #expect(issues.count == 2)
        let bare = try #require(Fixture.issue(at: "duration", in: issues))
        #expect(bare.line == 3)
        #expect(bare.message.contains("add a unit, e.g. '300s' or '5m'"))
        let unit = try #require(Fixture.issue(at: "drs.period", in: issues))
        #expect(unit.line == Fixture.line(of: "period: 5x", in: yaml))
        #expect(unit.message.contains("unknown unit 'x'"))
    }

    @Test func missingRequiredKeyPointsAtItsMapping() throws {
        let yaml = Fixture.replacing("    vcpus: 4\n", with: "")
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "vm_profiles[0].vcpus")
        #expect(issue.line == Fixture.line(of: "- name: web", in: yaml))
        #expect(issue.message == "missing required key 'vcpus'")
    }

    @Test func invalidYAMLSyntaxIsOneIssueAtYamsLine() throws {
        let yaml = Fixture.replacing("hosts: [{profile: r650, count: 4}]", with: "hosts: [{profile: r650, count: 4}")
        let issues = Fixture.issues(yaml)
        #expect(issues.count == 1)
        let issue = try #require(issues.first)
        #expect(issue.line == Fixture.line(of: "vms: [", in: yaml))
        #expect(issue.message.hasPrefix("YAML syntax error"))
        #expect(issue.keyPath == "(top level)")
    }

    @Test func duplicateKeyIsASyntaxIssue() throws {
        let yaml = Fixture.minimal + "seed: 1\nseed: 2\n"
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.message.contains("duplicate key 'seed'"))
        #expect(issue.line == Fixture.line(of: "seed: 1", in: yaml))
    }

    @Test func topLevelMustBeAMapping() throws {
        let issue = try #require(Fixture.issues("- just\n- a list\n").first)
        #expect(issue.message.contains("a scenario is a mapping of keys"))
        #expect(issue.line == 1)
    }

    @Test func emptyFileIsRefused() throws {
        let issue = try #require(Fixture.issues("# nothing here\n").first)
        #expect(issue.message == "the file is empty")
    }

    @Test func allProblemsAreReportedAtOnce() {
        let yaml = """
        schema_version: 1
        name: many
        duration: 10
        sample_interval: 5m
        drs: {threshold: 9}
        host_profiles:
          - name: r650
            cpu: {sockets: 0, cores_per_socket: 24, mhz: 2800}
            memory_gb: 768
            power: {model: linear, idle_w: 180, max_w: 520}
        vm_profiles:
          - {name: web, vcpus: 4, memory_gb: 16, colour: blue}
        clusters:
          - name: prod-a
            hosts: [{profile: r750, count: 4}]
            vms: [{profile: web, count: 10}]

        """
        let issues = Fixture.issues(yaml)
        #expect(issues.count == 5, "\(issues)")
        #expect(issues.map(\.keyPath) == ["duration", "drs.threshold", "host_profiles[0].cpu.sockets",
                                         "vm_profiles[0].colour", "clusters[0].hosts[0].profile"])
        #expect(issues.map(\.line) == [3, 5, 8, 12, 15])
    }
}
