import Testing
@testable import Scenarios

/// The memory and HA admission control keys of docs/model.md "Memory": defaults, reading, validation.
@Suite struct MemoryKeysTests {
    static let memoryProfile = """
        memory_gb: 16
        memory_reservation_gb: 4
        memory_limit_gb: 12
        memory_shares: high
        restart_priority: highest
        workload:
          memory: {active_fraction: 0.2, consumed_fraction: 0.6, noise_sigma: 0.1}

    """

    @Test func defaultsAreVSpheres() throws {
        let loaded = try #require(Fixture.loaded(Fixture.minimal))
        let profile = loaded.spec.vmProfiles[0]
        #expect(profile.memoryReservationGB == 0 && profile.memoryLimitGB == nil)
        #expect(profile.memoryShares == .normal && profile.memoryShares.perMB == 10)
        #expect(profile.restartPriority == .medium)
        #expect(profile.workload.memory.consumedFraction == 0.75)
        let ac = loaded.resolved.clusters[0].ha.admissionControl
        #expect(ac.policy == .clusterResourcePercentage && ac.hostFailuresToTolerate == 1 && ac.isEnabled)
        #expect(ac.cpuPercent == nil && ac.memoryPercent == nil && ac.failoverHosts.isEmpty)
        #expect(ac.performanceDegradationTolerated == 1)
    }

    @Test func profileKeysAreRead() throws {
        let yaml = Fixture.replacing("    memory_gb: 16\n", with: Self.memoryProfile)
        let profile = try #require(Fixture.loaded(yaml)).spec.vmProfiles[0]
        #expect(profile.memoryReservationMB == 4_096 && profile.memoryLimitMB == 12_288)
        #expect(profile.memoryShares == .high && profile.memoryShares.perMB == 20)
        #expect(profile.restartPriority == .highest && profile.restartPriority.rank == 5)
        #expect(profile.workload.memory.consumedFraction == 0.6 && profile.workload.memory.noiseSigma == 0.1)
        let custom = try #require(Fixture.loaded(Fixture.replacing("    memory_gb: 16\n", with: "    memory_gb: 16\n    memory_shares: 7\n")))
        #expect(custom.spec.vmProfiles[0].memoryShares.perMB == 7)
        let low = try #require(Fixture.loaded(Fixture.replacing("    memory_gb: 16\n", with: "    memory_gb: 16\n    memory_shares: low\n")))
        #expect(low.spec.vmProfiles[0].memoryShares.perMB == 5)
    }

    @Test func badProfileValuesNameKeyAndLine() throws {
        let yaml = Fixture.replacing("    memory_gb: 16\n", with: """
                memory_gb: 16
                memory_reservation_gb: 20
                memory_limit_gb: -1
                memory_shares: hihg
                restart_priority: urgent
                workload:
                  memory: {consumed_fraction: 1.5}

            """)
        let issues = Fixture.issues(yaml)
        let reservation = try #require(Fixture.issue(at: "vm_profiles[0].memory_reservation_gb", in: issues))
        #expect(reservation.message == "memory_reservation_gb (20) exceeds memory_gb (16)")
        #expect(reservation.line == Fixture.line(of: "memory_reservation_gb", in: yaml))
        let limit = try #require(Fixture.issue(at: "vm_profiles[0].memory_limit_gb", in: issues))
        #expect(limit.message.hasPrefix("memory_limit_gb must be positive (got -1)"))
        let shares = try #require(Fixture.issue(at: "vm_profiles[0].memory_shares", in: issues))
        #expect(shares.message.contains("did you mean 'high'") && shares.message.contains("valid: high, normal, low"))
        #expect(shares.line == Fixture.line(of: "memory_shares", in: yaml))
        let priority = try #require(Fixture.issue(at: "vm_profiles[0].restart_priority", in: issues))
        #expect(priority.message.contains("valid: disabled, lowest, low, medium, high, highest"))
        let consumed = try #require(Fixture.issue(at: "vm_profiles[0].workload.memory.consumed_fraction", in: issues))
        #expect(consumed.message == "consumed_fraction must be between 0 and 1 (got 1.5)")
        #expect(consumed.line == Fixture.line(of: "consumed_fraction", in: yaml))
    }

    @Test func reservationAboveLimitIsRefused() throws {
        let yaml = Fixture.replacing("    memory_gb: 16\n", with: "    memory_gb: 16\n    memory_reservation_gb: 8\n    memory_limit_gb: 4\n")
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "vm_profiles[0].memory_reservation_gb")
        #expect(issue.message == "memory_reservation_gb (8) exceeds memory_limit_gb (4)")
    }

    @Test func admissionControlBooleanForm() throws {
        let off = try #require(Fixture.loaded(Fixture.minimal + "ha: {enabled: true, admission_control: false}\n"))
        #expect(off.resolved.clusters[0].ha.admissionControl.policy == .disabled)
        #expect(!off.resolved.clusters[0].ha.admissionControl.isEnabled)
        let on = try #require(Fixture.loaded(Fixture.minimal + "ha: {enabled: true, admission_control: true}\n"))
        #expect(on.resolved.clusters[0].ha.admissionControl == AdmissionControlSpec())
        let overridden = try #require(Fixture.loaded(Fixture.minimal + "ha: {enabled: true}\n",
                                                     overrides: ["ha.admission_control=false"]))
        #expect(overridden.resolved.clusters[0].ha.admissionControl.policy == .disabled)
    }

    @Test func admissionControlBlockInheritsKeyByKey() throws {
        let yaml = Fixture.minimal.replacingOccurrences(of: "    vms: [{profile: web, count: 10}]\n", with: """
                vms: [{profile: web, count: 10}]
                ha: {admission_control: {memory_percent: 30}}

            """) + """
            ha:
              enabled: true
              admission_control:
                policy: cluster_resource_percentage
                host_failures_to_tolerate: 2
                cpu_percent: 25
                performance_degradation_tolerated: 0.5

            """
        let loaded = try #require(Fixture.loaded(yaml))
        let ac = loaded.resolved.clusters[0].ha.admissionControl
        #expect(ac.hostFailuresToTolerate == 2 && ac.cpuPercent == 25 && ac.memoryPercent == 30)
        #expect(ac.performanceDegradationTolerated == 0.5)
        #expect(loaded.resolved.clusters[0].ha.enabled)
        let again = try #require(Fixture.loaded(try loaded.resolvedYAML()))
        #expect(again.spec == loaded.spec)
    }

    @Test func failoverHostsPolicy() throws {
        let good = Fixture.minimal + "ha: {enabled: true, admission_control: {policy: failover_hosts, failover_hosts: [prod-a-esx04]}}\n"
        let loaded = try #require(Fixture.loaded(good))
        #expect(loaded.resolved.clusters[0].ha.admissionControl.failoverHosts == ["prod-a-esx04"])
        let unknown = Fixture.minimal + "ha: {enabled: true, admission_control: {policy: failover_hosts, failover_hosts: [prod-a-esx09]}}\n"
        let issue = try #require(Fixture.issues(unknown).first)
        #expect(issue.keyPath == "ha.admission_control.failover_hosts[0]")
        #expect(issue.message.hasPrefix("unknown failover host 'prod-a-esx09'"))
        let empty = Fixture.minimal + "ha: {enabled: true, admission_control: {policy: failover_hosts}}\n"
        #expect(Fixture.issues(empty).first?.message.hasPrefix("policy failover_hosts needs a non-empty failover_hosts list") == true)
        let misplaced = Fixture.minimal + "ha: {enabled: true, admission_control: {failover_hosts: [prod-a-esx04]}}\n"
        #expect(Fixture.issues(misplaced).first?.message
                == "failover_hosts is only used with policy failover_hosts (policy is cluster_resource_percentage)")
    }

    @Test func badAdmissionControlValues() throws {
        let yaml = Fixture.minimal + """
            ha:
              enabled: true
              admission_control:
                policy: slots
                host_failures_to_tolerate: 0
                memory_percent: 120
                performance_degradation_tolerated: 2

            """
        let issues = Fixture.issues(yaml)
        let policy = try #require(Fixture.issue(at: "ha.admission_control.policy", in: issues))
        #expect(policy.message.contains("valid: cluster_resource_percentage, slot_policy, failover_hosts, disabled"))
        #expect(policy.line == Fixture.line(of: "policy: slots", in: yaml))
        #expect(Fixture.issue(at: "ha.admission_control.host_failures_to_tolerate", in: issues)?.message
                == "host_failures_to_tolerate must be at least 1 (got 0)")
        #expect(Fixture.issue(at: "ha.admission_control.memory_percent", in: issues)?.line == Fixture.line(of: "memory_percent", in: yaml))
        #expect(Fixture.issue(at: "ha.admission_control.performance_degradation_tolerated", in: issues) != nil)
        let tooMany = Fixture.minimal + "ha: {enabled: true, admission_control: {host_failures_to_tolerate: 4}}\n"
        #expect(Fixture.issues(tooMany).first?.message
                == "host_failures_to_tolerate (4) must be below the number of hosts of cluster 'prod-a' (4)")
    }

    @Test func reservationsThatCanNeverFitAreRefused() throws {
        // 10 VMs reserving 100 GB each on 4 × 768 GB: 1,000 GB + overheads > 3,072 GB? No: fits.
        let fits = Fixture.replacing("    memory_gb: 16\n", with: "    memory_gb: 300\n    memory_reservation_gb: 300\n")
        #expect(Fixture.issues(fits).isEmpty)
        // 11 VMs of 300 GB reserved: 3,300 GB + overheads on 3,072 GB.
        let tooMuch = fits.replacingOccurrences(of: "count: 10}", with: "count: 11}")
        let issue = try #require(Fixture.issues(tooMuch).first)
        #expect(issue.keyPath == "clusters[0].vms")
        #expect(issue.message.contains("more than all its hosts have (3145728 MB): they can never all be admitted"))
        // One VM whose reservation + overhead exceeds every host (768 GB reserved + overhead).
        let single = Fixture.replacing("    memory_gb: 16\n", with: "    memory_gb: 768\n    memory_reservation_gb: 768\n")
        let big = try #require(Fixture.issues(single).first { $0.keyPath == "clusters[0].vms[0].profile" })
        #expect(big.message.contains("more than any host of cluster 'prod-a' has (786432 MB)"))
        // CPU: 2 × 48 cores × 2,800 MHz = 134,400 MHz per host; 4 hosts hold 537,600 MHz.
        let cpu = Fixture.replacing("    memory_gb: 16\n", with: "    memory_gb: 16\n    reservation_mhz: 60000\n")
        #expect(Fixture.issues(cpu).first?.message.contains("reserve 600000 MHz, more than all its hosts have (537600 MHz)") == true)
    }

    @Test func overheadFollowsTheVSphereTable() {
        #expect(abs(VMMemoryOverhead.overheadMB(memoryMB: 16_384, vcpus: 4) - 151.93) < 1e-9)
        #expect(abs(VMMemoryOverhead.overheadMB(memoryMB: 256, vcpus: 1) - 20.29) < 1e-9)
        // Halfway between 1 GB and 4 GB, and between 2 and 4 vCPUs.
        let mid = VMMemoryOverhead.overheadMB(memoryMB: 2_560, vcpus: 3)
        #expect(abs(mid - (29.91 + 37.86 + 52.72 + 60.67) / 4) < 1e-9)
        // Beyond the table: 32 GB extrapolates along the 4–16 GB slope (≈ 7.4 MB per GB).
        let big = VMMemoryOverhead.overheadMB(memoryMB: 32_768, vcpus: 1)
        #expect(abs(big - (139.62 + (139.62 - 48.64) / 12_288 * 16_384)) < 1e-9)
        #expect(VMMemoryOverhead.overheadMB(memoryMB: 16_384, vcpus: 16) > 168.60)
    }
}
