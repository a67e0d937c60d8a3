import Testing
@testable import Scenarios

/// Groups, rules, events and maintenance windows naming things that must exist, and rule conflicts.
@Suite struct ValidationRuleTests {
    /// The minimal scenario with extra lines appended to its cluster.
    static func cluster(_ extra: String) -> String {
        Fixture.minimal + extra
    }

    @Test func rulesNamingUnknownVMsAndGroups() throws {
        let yaml = Self.cluster("""
                host_groups: {fast: [prod-a-esx01]}
                rules:
                  - {kind: anti_affinity, vms: [web-0001, web-0099]}
                  - {kind: vm_host, vm_group: db, host_group: fast}

            """)
        let issues = Fixture.issues(yaml)
        #expect(issues.count == 2, "\(issues)")
        let vm = try #require(Fixture.issue(at: "clusters[0].rules[0].vms[1]", in: issues))
        #expect(vm.message.contains("unknown VM 'web-0099' in cluster 'prod-a'"))
        #expect(vm.line == Fixture.line(of: "web-0099", in: yaml))
        let group = try #require(Fixture.issue(at: "clusters[0].rules[1].vm_group", in: issues))
        #expect(group.message == "unknown VM group 'db' (none defined)")
        #expect(group.line == Fixture.line(of: "vm_group: db", in: yaml))
    }

    @Test func groupMembersMustExist() throws {
        let yaml = Self.cluster("    host_groups: {fast: [prod-a-esx01, prod-a-esx09]}\n")
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "clusters[0].host_groups.fast[1]")
        #expect(issue.message.contains("unknown host 'prod-a-esx09' in cluster 'prod-a'"))
        #expect(issue.line == Fixture.line(of: "host_groups", in: yaml))
    }

    @Test func affineAndAntiAffinePairConflictNamingBothRules() throws {
        let yaml = Self.cluster("""
                rules:
                  - {name: together, kind: affinity, vms: [web-0001, web-0002, web-0003]}
                  - {name: apart, kind: anti_affinity, vms: [web-0002, web-0003]}

            """)
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "clusters[0].rules[1]")
        #expect(issue.line == Fixture.line(of: "name: apart", in: yaml))
        #expect(issue.message.contains("'together'"))
        #expect(issue.message.contains("'apart'"))
        #expect(issue.message.contains("'web-0002' and 'web-0003'"))
    }

    @Test func mustRunOnAndMustNotRunOnSameGroupConflict() throws {
        let yaml = Self.cluster("""
                host_groups: {fast: [prod-a-esx01, prod-a-esx02]}
                vm_groups: {db: [web-0001]}
                rules:
                  - {name: pin, kind: vm_host, vm_group: db, host_group: fast, mode: must, relation: run_on}
                  - {name: ban, kind: vm_host, vm_group: db, host_group: fast, mode: must, relation: not_run_on}

            """)
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "clusters[0].rules[1]")
        #expect(issue.line == Fixture.line(of: "name: ban", in: yaml))
        #expect(issue.message.contains("rules 'pin' (must run_on) and 'ban' (must not_run_on) conflict"))
        #expect(issue.message.contains("'web-0001'"))
    }

    @Test func shouldRulesDoNotConflict() {
        let yaml = Self.cluster("""
                host_groups: {fast: [prod-a-esx01]}
                vm_groups: {db: [web-0001]}
                rules:
                  - {kind: vm_host, vm_group: db, host_group: fast, mode: must}
                  - {kind: vm_host, vm_group: db, host_group: fast, relation: not_run_on}

            """)
        #expect(Fixture.issues(yaml).isEmpty)
    }

    @Test func ruleKeysMustFitTheKind() throws {
        let yaml = Self.cluster("""
                rules:
                  - {kind: affinity, vms: [web-0001, web-0002], relation: run_on}

            """)
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "clusters[0].rules[0].relation")
        #expect(issue.message == "'relation' is only used by kind vm_host")
    }

    @Test func eventsNamingUnknownVMsAndHosts() throws {
        let yaml = Fixture.minimal + """
        events:
          - {at: 2d, action: migrate, vm: web-0077, to: prod-a-esx03}
          - {at: 3d, action: fail_host, host: prod-a-esx12, repair_after: 4h}
          - {at: 4d, action: enter_maintenance, vm: web-0001}

        """
        let issues = Fixture.issues(yaml)
        #expect(issues.count == 4, "\(issues)")
        let vm = try #require(Fixture.issue(at: "events[0].vm", in: issues))
        #expect(vm.message.hasPrefix("unknown VM 'web-0077'"))
        #expect(vm.line == Fixture.line(of: "web-0077", in: yaml))
        let host = try #require(Fixture.issue(at: "events[1].host", in: issues))
        #expect(host.message.contains("unknown host 'prod-a-esx12'"))
        #expect(host.line == Fixture.line(of: "prod-a-esx12", in: yaml))
        let unused = try #require(Fixture.issue(at: "events[2].vm", in: issues))
        #expect(unused.message == "'vm' is not used by action enter_maintenance")
        #expect(Fixture.issue(at: "events[2].host", in: issues)?.message == "action enter_maintenance needs host")
    }

    @Test func maintenanceWindowNamingUnknownCluster() throws {
        let yaml = Fixture.minimal + "maintenance_windows:\n  - {cluster: prod-b, start: 1h}\n"
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "maintenance_windows[0].cluster")
        #expect(issue.line == Fixture.line(of: "prod-b", in: yaml))
        #expect(issue.message == "unknown cluster 'prod-b' (did you mean 'prod-a'?) (defined: prod-a)")
    }

    @Test func maintenanceWindowMustLeaveAHost() throws {
        let yaml = Fixture.minimal + "maintenance_windows:\n  - {cluster: prod-a, start: 1h, hosts_at_once: 4}\n"
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "maintenance_windows[0].hosts_at_once")
    }
}
