import Testing
@testable import Inventory

@Suite struct RVToolsColumnTests {
    @Test func normalizationIgnoresCaseSpacesAndPunctuation() {
        #expect(RVToolsColumn.normalize("# CPU") == "numcpu")
        #expect(RVToolsColumn.normalize("CPU usage %") == "cpuusagepct")
        #expect(RVToolsColumn.normalize("  In-Use_MiB ") == "inusemib")
        #expect(RVToolsColumn.normalize("Network #1") == "networknum1")
    }

    @Test func aliasesAndUnitVariantsMatch() {
        #expect(VMRecord.Columns.cpus.index(in: ["VM", " cpus "]) == 1)
        #expect(VMRecord.Columns.cpus.index(in: ["vInfoVMName", "vInfoCPUs"]) == 1)
        #expect(VMRecord.Columns.memory.index(in: ["VM", "Memory MiB"]) == 1)
        #expect(VMRecord.Columns.inUse.index(in: ["In Use MB"]) == 0)
        #expect(VMRecord.Columns.inUse.index(in: ["in use mib"]) == 0)
        #expect(VMRecord.Columns.activeMemory.index(in: ["Active Memory MiB"]) == 0)  // unit-insensitive pass
        #expect(VMRecord.Columns.network.index(in: ["Network #2", "Network #1"]) == 1)
        #expect(HostRecord.Columns.sockets.index(in: ["CPU usage %", "# CPU", "# Cores"]) == 1)
        #expect(HostRecord.Columns.memory.index(in: ["Memory usage %", "# Memory"]) == 1)
        #expect(HostRecord.Columns.host.index(in: ["vHostName"]) == 0)
        #expect(VMRecord.Columns.cpus.index(in: ["Total disk capacity MiB"]) == nil)
    }

    @Test func pathsAndPowerStates() {
        #expect(VMRecord.datastore(fromPath: "[ds-a] web/web.vmx") == "ds-a")
        #expect(VMRecord.datastore(fromPath: "[nfs [gold]] db/db.vmx") == "nfs [gold]")
        #expect(VMRecord.datastore(fromPath: "[ local ]") == "local")
        #expect(VMRecord.datastore(fromPath: "/vmfs/volumes/x/vm.vmx") == "")
        #expect(VMRecord.powerState("poweredOn") == .poweredOn)
        #expect(VMRecord.powerState("Powered Off") == .poweredOff)
        #expect(VMRecord.powerState("SUSPENDED") == .suspended)
        #expect(VMRecord.powerState("unknown-ish") == .unknown("unknown-ish"))
    }
}
