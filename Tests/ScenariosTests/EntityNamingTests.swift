import Testing
@testable import Scenarios

/// Generated and listed host and VM names (docs/scenario-format.md "Names").
@Suite struct EntityNamingTests {
    @Test func generatedNamesAreZeroPaddedAndOneBased() throws {
        let cluster = try #require(Fixture.loaded(Fixture.minimal)).resolved.clusters[0]
        #expect(cluster.hosts.map(\.name) == ["prod-a-esx01", "prod-a-esx02", "prod-a-esx03", "prod-a-esx04"])
        #expect(cluster.vms.prefix(3).map(\.name) == ["web-0001", "web-0002", "web-0003"])
        #expect(cluster.vms.last?.name == "web-0010")
        #expect(cluster.vms.allSatisfy { $0.group == "web" && $0.profileIndex == 0 })
    }

    @Test func hostsAreNumberedAcrossEntriesAndWidenPastNinetyNine() throws {
        let yaml = Fixture.replacing("hosts: [{profile: r650, count: 4}]",
                                     with: "hosts: [{profile: r650, count: 60}, {profile: r650, names: [spare]}, {profile: r650, count: 45}]")
        let hosts = try #require(Fixture.loaded(yaml)).resolved.clusters[0].hosts
        #expect(hosts.count == 106)
        #expect(hosts[0].name == "prod-a-esx001")
        #expect(hosts[60].name == "spare" && hosts[60].entryIndex == 1)
        #expect(hosts[61].name == "prod-a-esx061")
        #expect(hosts.last?.name == "prod-a-esx105")
    }

    @Test func vmGroupsAreNumberedAcrossTheScenario() throws {
        let yaml = Fixture.replacing("vms: [{profile: web, count: 10}]",
                                     with: "vms: [{profile: web, count: 2}, {profile: web, name: api, count: 1}]") + """
          - name: prod-b
            hosts: [{profile: r650, count: 1}]
            vms: [{profile: web, count: 2}]

        """
        let resolved = try #require(Fixture.loaded(yaml)).resolved
        #expect(resolved.clusters[0].vms.map(\.name) == ["web-0001", "web-0002", "api-0001"])
        #expect(resolved.clusters[0].vms.map(\.group) == ["web", "web", "api"])
        #expect(resolved.clusters[1].vms.map(\.name) == ["web-0003", "web-0004"])
        #expect(resolved.clusters[1].hosts.map(\.name) == ["prod-b-esx01"])
        #expect(resolved.totalVMs == 5 && resolved.totalHosts == 5)
    }

    @Test func namesListsKeepTheirNamesWithSpacesDotsAndCommas() throws {
        let yaml = """
        schema_version: 1
        name: inventory
        duration: 1d
        host_profiles:
          - {name: r650, cpu: {sockets: 2, cores_per_socket: 24, mhz: 2800}, memory_gb: 768, power: {builtin: hp_ml110_g5}}
        vm_profiles:
          - {name: web, vcpus: 2, memory_gb: 4}
        clusters:
          - name: "Prod, Site A.1"
            datastores: ["SAN 01"]
            hosts:
              - {profile: r650, names: ["esx-a.corp.local", "esx b"]}
              - {profile: r650, count: 1, datastores: ["local.ds"]}
            vms:
              - {profile: web, names: ["CRM db, primary", "mail.corp"]}
            host_groups: {"fast, new": ["esx b"]}
            vm_groups: {"db.tier": ["CRM db, primary"]}
            rules:
              - {kind: vm_host, vm_group: db.tier, host_group: "fast, new"}
        events:
          - {at: 1h, action: migrate, vm: "mail.corp", to: "esx-a.corp.local"}

        """
        let cluster = try #require(Fixture.loaded(yaml)).resolved.clusters[0]
        #expect(cluster.hosts.map(\.name) == ["esx-a.corp.local", "esx b", "Prod, Site A.1-esx01"])
        #expect(cluster.hosts[2].datastores == ["local.ds"] && cluster.hosts[0].datastores == ["SAN 01"])
        #expect(cluster.vms.map(\.name) == ["CRM db, primary", "mail.corp"])
        #expect(cluster.vms.allSatisfy { $0.datastore == "SAN 01" })
        #expect(cluster.hostIndex(named: "esx b") == 1)
    }

    @Test func namingHelpers() {
        #expect(EntityNaming.hostName(cluster: "c", number: 7, width: 1) == "c-esx07")
        #expect(EntityNaming.vmName(group: "db", number: 12_345, width: 5) == "db-12345")
        #expect(EntityNaming.vmName(group: "db", number: 12, width: 2) == "db-0012")
    }
}
