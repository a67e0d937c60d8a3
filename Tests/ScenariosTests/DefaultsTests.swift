import Testing
@testable import Scenarios

/// Every key left out takes its documented default; cluster blocks override key by key.
@Suite struct DefaultsTests {
    @Test func defaultsAreFilled() throws {
        let spec = try #require(Fixture.loaded(Fixture.minimal)).spec
        #expect(spec.seed == 1)
        #expect(spec.start == .defaultStart)
        #expect(spec.sampleInterval == .minutes(5))
        #expect(spec.pue == 1.0)
        #expect(spec.pricePerKWh == nil)
        #expect(spec.drs == DRSSpec())
        #expect(spec.drs.threshold == 3 && spec.drs.automation == .fullyAutomated && spec.drs.period == .minutes(5))
        #expect(spec.dpm.enabled == false && spec.dpm.targetUtilization == 0.63 && spec.dpm.tolerance == 0.18)
        #expect(spec.dpm.historyPowerOn == .minutes(5) && spec.dpm.historyPowerOff == .minutes(40))
        #expect(spec.vmotion.switchoverGoal == .milliseconds(500) && spec.vmotion.resumeTime == .milliseconds(50))
        #expect(spec.vmotion.minStreamMbps == 250 && spec.vmotion.nicEfficiency == 0.9)
        #expect(spec.ha.enabled == false && spec.ha.restartTime == .seconds(15))
        let host = spec.hostProfiles[0]
        #expect(host.cpu.vendor == .intel && host.cpu.generation == "graniterapids")
        #expect(host.vmotionNICGbps == 10 && host.vmotionVMkernel && host.standbyW == 10)
        #expect(host.bootTime == .minutes(5) && host.shutdownTime == .minutes(2))
        let vm = spec.vmProfiles[0]
        #expect(vm.vcpuMHz == nil && vm.diskGB == 40 && vm.shares == .normal && vm.reservationMHz == 0 && vm.limitMHz == nil)
        #expect(vm.workload.cpu == CPUWorkloadSpec(mean: 0.3))
        #expect(vm.workload.cpu?.diurnal == nil && vm.workload.cpu?.noise == nil && vm.workload.cpu?.bursts == nil)
        #expect(vm.workload.memory == MemoryWorkloadSpec())
        let cluster = spec.clusters[0]
        #expect(cluster.license == .enterprisePlus && cluster.vsphereVersion == "6.7" && cluster.evc == nil)
        #expect(cluster.datastores == ["datastore1"] && cluster.networks == ["VM Network"])
        #expect(cluster.vms[0].datastore == "datastore1" && cluster.vms[0].network == "VM Network")
        #expect(cluster.vms[0].name == "web")
        #expect(cluster.dpm.minHostsOn == 1)
        #expect(spec.events.isEmpty && spec.maintenanceWindows.isEmpty && spec.failures == nil && spec.sweep == nil)
    }

    @Test func defaultsInsideOptionalBlocks() throws {
        let yaml = Fixture.replacing("    memory_gb: 16\n", with: """
                memory_gb: 16
                workload:
                  cpu: {diurnal: {}, weekly: {}, noise: {}, bursts: {}}

            """) + "failures: {}\n"
        let spec = try #require(Fixture.loaded(yaml)).spec
        let cpu = try #require(spec.vmProfiles[0].workload.cpu)
        #expect(cpu.diurnal == DiurnalSpec(amplitude: 0.5, peakHour: 14))
        #expect(cpu.weekly == WeeklySpec(weekendFactor: 0.6))
        #expect(cpu.noise == NoiseSpec(sigma: 0.15, correlationTime: .minutes(30)))
        #expect(cpu.bursts == BurstsSpec(perDay: 1, factor: 2, duration: .minutes(20)))
        #expect(spec.failures == FailuresSpec(hostMTBF: .hours(8_760), repairTime: .hours(8)))
    }

    @Test func clusterBlockOverridesKeyByKey() throws {
        let yaml = Fixture.minimal.replacingOccurrences(of: "    vms: [{profile: web, count: 10}]\n", with: """
                vms: [{profile: web, count: 10}]
                dpm: {enabled: true}
                ha: {enabled: true}
                drs: {threshold: 5}
              - name: prod-b
                hosts: [{profile: r650, count: 2}]
                vms: [{profile: web, name: app, count: 3}]

            """) + """
        drs: {threshold: 2, period: 10m}
        dpm: {enabled: false, threshold: 4, target_utilization: 0.5, tolerance: 0.2}

        """
        let resolved = try #require(Fixture.loaded(yaml)).resolved
        let first = resolved.clusters[0]
        #expect(first.dpm.enabled == true)
        #expect(first.dpm.threshold == 4 && first.dpm.targetUtilization == 0.5 && first.dpm.tolerance == 0.2)
        #expect(first.dpm.minHostsOn == 2)
        #expect(first.drs.threshold == 5 && first.drs.period == .minutes(10))
        #expect(first.ha.enabled)
        let second = resolved.clusters[1]
        #expect(second.dpm.enabled == false && second.dpm.threshold == 4 && second.dpm.minHostsOn == 1)
        #expect(second.drs.threshold == 2 && second.drs.period == .minutes(10))
        #expect(resolved.spec.drs.threshold == 2)
    }

    @Test func vcpuSpeedDefaultsToTheSlowestCoreOfTheCluster() throws {
        let yaml = Fixture.replacing("host_profiles:\n", with: """
            host_profiles:
              - name: old
                cpu: {sockets: 2, cores_per_socket: 8, mhz: 2100}
                memory_gb: 256
                power: {builtin: ibm_x3550_x5670}

            """).replacingOccurrences(of: "hosts: [{profile: r650, count: 4}]", with: "hosts: [{profile: r650, count: 4}, {profile: old, count: 1}]")
        let cluster = try #require(Fixture.loaded(yaml)).resolved.clusters[0]
        #expect(cluster.vms.allSatisfy { $0.vcpuMHz == 2100 })
    }
}
