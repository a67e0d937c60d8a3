import Testing
@testable import Scenarios

/// Keys added for capacity planning (docs/planning.md): wildcard `--set`, the growth default,
/// costs, the what-if failed hosts.
@Suite struct PlanningKeyTests {
    /// ``Fixture/minimal`` with a growing `db` profile and a second cluster.
    static let twoProfiles = Fixture.replacing(
        "clusters:\n  - name: prod-a\n    hosts: [{profile: r650, count: 4}]\n    vms: [{profile: web, count: 10}]\n",
        with: """
        - name: db
          vcpus: 8
          memory_gb: 64
          workload: {cpu: {mean: 0.2, growth_per_month: 0.01}}
      clusters:
        - name: prod-a
          hosts: [{profile: r650, count: 4}]
          vms: [{profile: web, count: 10}, {profile: db, count: 2}]
        - name: prod-b
          hosts: [{profile: r650, count: 2}]
          vms: [{profile: web, name: app, count: 3}]

      """)

    @Test func wildcardSetsEveryElementOfAList() throws {
        let spec = try #require(Fixture.loaded(Self.twoProfiles, overrides: [
            "vm_profiles.*.workload.cpu.mean=0.45", "clusters.*.drs.threshold=5", "clusters.*.hosts.*.count=3",
        ])).spec
        #expect(spec.vmProfiles.map { $0.workload.cpu?.mean } == [0.45, 0.45])
        #expect(spec.clusters.map(\.drs.threshold) == [5, 5])
        #expect(spec.clusters.map { $0.hosts.map(\.count) } == [[3], [3]])
    }

    @Test func wildcardIssuesNameTheKey() {
        let issues = Fixture.issues(Self.twoProfiles, overrides: ["vm_profiles.*.workload.cpu.mean=-1"])
        #expect(!issues.isEmpty)
        #expect(issues.allSatisfy { $0.keyPath.contains("vm_profiles") && $0.keyPath.contains("mean") })
        let empty = Fixture.issues(Self.twoProfiles, overrides: ["events=[]", "events.*.at=1h"])
        #expect(empty.contains { $0.message.contains("'*' matches no element") })
    }

    @Test func topLevelGrowthIsTheDefaultOfProfilesWithoutTheirOwn() throws {
        let spec = try #require(Fixture.loaded(Self.twoProfiles, overrides: ["growth_per_month=0.03"])).spec
        #expect(spec.growthPerMonth == 0.03)
        #expect(spec.vmProfiles[0].workload.cpu?.growthPerMonth == 0.03)
        #expect(spec.vmProfiles[1].workload.cpu?.growthPerMonth == 0.01)
        let none = try #require(Fixture.loaded(Self.twoProfiles)).spec
        #expect(none.vmProfiles[0].workload.cpu?.growthPerMonth == 0)
    }

    @Test func planningKeysAreReadAndChecked() throws {
        let yaml = Self.twoProfiles.replacingOccurrences(of: "    power: {model: linear, idle_w: 180, max_w: 520}\n",
                                                         with: "    power: {model: linear, idle_w: 180, max_w: 520}\n    cost: {purchase: 12000}\n")
        let spec = try #require(Fixture.loaded(yaml, overrides: ["license_per_core=7.5", "failed_largest_hosts=1",
                                                                  "growth_offset_months=12"])).spec
        #expect(spec.hostProfiles[0].cost == HostCostSpec(purchase: 12000, amortizationMonths: 60))
        #expect(spec.hostProfiles[0].cost?.perMonth == 200)
        #expect(spec.licensePerCore == 7.5)
        #expect(spec.failedLargestHosts == 1)
        #expect(spec.growthOffsetMonths == 12)
        let bad = Fixture.issues(yaml, overrides: ["license_per_core=-1", "failed_largest_hosts=-2", "growth_per_month=-1",
                                                   "host_profiles.r650.cost.amortization_months=0"])
        for key in ["license_per_core", "failed_largest_hosts", "growth_per_month", "amortization_months"] {
            #expect(bad.contains { $0.message.contains(key) }, "\(key)")
        }
    }
}
