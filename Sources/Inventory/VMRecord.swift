import Foundation
import Scenarios

/// One VM (or template) as read from the RVTools `vInfo` tab.
struct VMRecord: Sendable {
    /// How vSphere reported the VM's power state.
    enum PowerState: Sendable, Equatable {
        case poweredOn, poweredOff, suspended
        case unknown(String)
    }

    var name: String
    let powerState: PowerState
    let isTemplate: Bool
    let vcpus: Int
    let memoryMB: Double
    /// `Active Memory` (MB), when exported and not empty.
    let activeMemoryMB: Double?
    /// `In Use MiB` (disk space used, MB), when exported.
    let inUseMB: Double?
    let host: String
    let cluster: String
    /// The datastore of the VM's `.vmx`, from `Path` ("[ds-a] vm/vm.vmx" → "ds-a"), or "".
    let datastore: String
    /// `Network #1`, or "".
    var network: String
    /// `HA Restart Priority` as vSphere names it (lowest … highest, disabled,
    /// clusterRestartPriority), or "".
    var haRestartPriority = ""
    /// `Overall Cpu Readiness` (%), when exported.
    var cpuReadinessPct: Double? = nil
    /// `VM ID` (`vm-1234`), or "": with the name, joins the vCPU and vMemory rows.
    var vmID = ""
    /// The spreadsheet row, for messages.
    let row: Int
    /// Its `vCPU` row, when the export has the tab (joined by ``RVToolsJoin``).
    var cpu: VMCPURecord? = nil
    /// Its `vMemory` row, when the export has the tab.
    var memory: VMMemoryRecord? = nil
    /// Its port groups from `vNetwork` in NIC order (the first becomes `network`).
    var portGroups: [String] = []

    /// The columns read from `vInfo`.
    enum Columns {
        static let vm = RVToolsColumn("VM", ["VM Name", "Name", "vInfoVMName"])
        static let powerstate = RVToolsColumn("Powerstate", ["Power State", "vInfoPowerstate"])
        static let template = RVToolsColumn("Template", ["vInfoTemplate"])
        static let cpus = RVToolsColumn("CPUs", ["vCPUs", "Num CPUs", "# CPUs", "vInfoCPUs"])
        static let memory = RVToolsColumn("Memory", ["Memory MB", "Memory MiB", "Memory Size", "vInfoMemory"])
        static let activeMemory = RVToolsColumn("Active Memory", ["Active Memory MB", "vInfoActiveMemory"])
        static let inUse = RVToolsColumn("In Use MiB", ["In Use MB", "In Use", "vInfoInUse"])
        static let host = RVToolsColumn("Host", ["vInfoHost"])
        static let cluster = RVToolsColumn("Cluster", ["vInfoCluster"])
        static let path = RVToolsColumn("Path", ["Config File", "VM Path", "vInfoPath"])
        static let network = RVToolsColumn("Network #1", ["Network 1", "Network", "vInfoNetwork1"])
        static let restartPriority = RVToolsColumn("HA Restart Priority", ["vInfoHARestartPriority"])
        static let readiness = RVToolsColumn("Overall Cpu Readiness", ["CPU Readiness", "vInfoOverallCpuReadiness"])
        static let vmID = RVToolsColumn("VM ID", ["VMID", "vInfoVMID"])
        /// Every column read (the others of a workbook sheet are skipped).
        static let all = [vm, powerstate, template, cpus, memory, activeMemory, inUse, host, cluster, path, network, restartPriority, readiness, vmID]
    }

    /// Reads every row of a `vInfo` export. `Host` or `Cluster` must be present.
    static func read(_ url: URL, warnings: inout [String]) throws -> [VMRecord] {
        try read(RVToolsSheet(url: url, tab: "vInfo"), warnings: &warnings)
    }

    /// Reads every row of a `vInfo` tab.
    static func read(_ sheet: RVToolsSheet, warnings: inout [String]) throws -> [VMRecord] {
        typealias C = Columns
        let required = try sheet.require([C.vm, C.powerstate, C.cpus, C.memory])
        let (vm, power, cpus, memory) = (required[0], required[1], required[2], required[3])
        let host = sheet.index(of: C.host)
        let cluster = sheet.index(of: C.cluster)
        if host == nil, cluster == nil { _ = try sheet.require([C.host]) }
        let template = sheet.index(of: C.template)
        if template == nil {
            warnings.append("\(sheet.file): no 'Template' column; every row is taken as a VM, not a template")
        }
        let active = sheet.index(of: C.activeMemory)
        let inUse = sheet.index(of: C.inUse)
        let path = sheet.index(of: C.path)
        let network = sheet.index(of: C.network)
        let (priority, readiness, vmID) = (sheet.index(of: C.restartPriority), sheet.index(of: C.readiness), sheet.index(of: C.vmID))
        var records: [VMRecord] = []
        for row in 0..<sheet.rowCount {
            let name = sheet.name(row, vm)
            if let problem = EntityNaming.nameProblem(name) { throw sheet.error(row, C.vm, "VM name \(problem)") }
            let vcpus = try sheet.wholeNumber(row, cpus, C.cpus)
            let memoryMB = try sheet.number(row, memory, C.memory)
            let isTemplate = try sheet.flag(row, template, C.template)
            guard isTemplate || (vcpus > 0 && memoryMB > 0) else {
                throw sheet.error(row, vcpus > 0 ? C.memory : C.cpus, "a VM needs at least one vCPU and some memory")
            }
            records.append(VMRecord(
                name: name, powerState: powerState(sheet.text(row, power)), isTemplate: isTemplate,
                vcpus: vcpus, memoryMB: memoryMB,
                activeMemoryMB: try sheet.optionalNumber(row, active, C.activeMemory),
                inUseMB: try sheet.optionalNumber(row, inUse, C.inUse),
                host: sheet.text(row, host), cluster: sheet.text(row, cluster),
                datastore: datastore(fromPath: sheet.text(row, path)), network: sheet.text(row, network),
                row: sheet.rowNumber(row)))
            records[records.count - 1].haRestartPriority = sheet.text(row, priority)
            records[records.count - 1].cpuReadinessPct = try sheet.optionalNumber(row, readiness, C.readiness)
            records[records.count - 1].vmID = sheet.text(row, vmID)
        }
        return records
    }

    /// `poweredOn`, `poweredOff`, `suspended` (any case, spaces ignored; also On/Off).
    static func powerState(_ text: String) -> PowerState {
        switch RVToolsColumn.normalize(text) {
        case "poweredon", "on", "running": .poweredOn
        case "poweredoff", "off": .poweredOff
        case "suspended": .suspended
        default: .unknown(text)
        }
    }

    /// The datastore in brackets at the start of a vSphere path ("[ds-a] web/web.vmx" → "ds-a");
    /// the name ends at the first "] " (names may hold brackets: "[nfs [gold]] vm/vm.vmx").
    static func datastore(fromPath path: String) -> String {
        guard path.hasPrefix("[") else { return "" }
        let body = path.dropFirst()
        guard let close = body.range(of: "] ")?.lowerBound ?? body.lastIndex(of: "]") else { return "" }
        return String(body[..<close]).trimmingCharacters(in: .whitespaces)
    }
}
