import Testing
@testable import Inventory

@Suite struct VMUsageTests {
    static func host(_ name: String, cpuPct: Double?, memPct: Double?) -> HostRecord {
        HostRecord(name: name, cluster: "c", cpuModel: "Xeon", mhz: 2000, sockets: 2, coresPerSocket: 10, memoryMB: 65_536,
                   esxVersion: "", cpuUsagePct: cpuPct, memoryUsagePct: memPct, currentEVC: "")
    }

    static func vm(_ name: String, host: String, vcpus: Int, memoryMB: Double, activeMB: Double? = nil) -> VMRecord {
        VMRecord(name: name, powerState: .poweredOn, isTemplate: false, vcpus: vcpus, memoryMB: memoryMB,
                 activeMemoryMB: activeMB, inUseMB: nil, host: host, cluster: "c", datastore: "", network: "", row: 2)
    }

    @Test func hostUsageIsSharedPerVCPU() {
        // 20 cores at 25 % = 5 busy cores over 4 + 6 vCPUs: each VM at 50 %.
        let usage = VMUsage(hosts: [Self.host("h1", cpuPct: 25, memPct: 50), Self.host("h2", cpuPct: nil, memPct: nil)],
                            vms: [Self.vm("a", host: "h1", vcpus: 4, memoryMB: 16_384),
                                  Self.vm("b", host: "h1", vcpus: 6, memoryMB: 16_384, activeMB: 4_096),
                                  Self.vm("c", host: "h2", vcpus: 2, memoryMB: 4_096),
                                  Self.vm("d", host: "", vcpus: 2, memoryMB: 4_096)])
        #expect(usage.cpuMean == [0.5, 0.5, VMUsage.defaultCPUMean, VMUsage.defaultCPUMean])
        // a: host memory 50 % of 64 GiB = 32 GiB over 32 GiB of VMs → 1.0; b: its own Active Memory.
        #expect(usage.activeFraction == [1.0, 0.25, nil, nil])
        #expect(usage.defaultedNames == ["c", "d"])
    }

    @Test func meansAreClamped() {
        let busy = VMUsage(hosts: [Self.host("h", cpuPct: 90, memPct: 1)], vms: [Self.vm("a", host: "h", vcpus: 2, memoryMB: 65_536)])
        #expect(busy.cpuMean == [1])
        #expect(busy.activeFraction == [0.05])
        let idle = VMUsage(hosts: [Self.host("h", cpuPct: 0, memPct: nil)], vms: [Self.vm("a", host: "h", vcpus: 2, memoryMB: 1)])
        #expect(idle.cpuMean == [0.01])
    }
}
