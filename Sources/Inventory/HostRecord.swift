import Foundation
import Scenarios

/// One ESXi host as read from the RVTools `vHost` tab.
struct HostRecord: Sendable {
    var name: String
    let cluster: String
    let cpuModel: String
    let mhz: Int
    let sockets: Int
    let coresPerSocket: Int
    let memoryMB: Double
    /// `ESX Version`, e.g. "VMware ESXi 7.0.3 build-20328353".
    let esxVersion: String
    /// `CPU usage %` (0–100), when exported.
    let cpuUsagePct: Double?
    /// `Memory usage %` (0–100), when exported.
    let memoryUsagePct: Double?
    /// `Current EVC` key, e.g. "intel-cascadelake"; empty when EVC is off or not exported.
    let currentEVC: String

    var totalCores: Int { sockets * coresPerSocket }

    /// The columns read from `vHost`.
    enum Columns {
        static let host = RVToolsColumn("Host", ["Name", "Host Name", "vHostName"])
        static let cluster = RVToolsColumn("Cluster", ["Cluster Name", "vHostCluster"])
        static let cpuModel = RVToolsColumn("CPU Model", ["CPU Type", "vHostCpuModel"])
        static let speed = RVToolsColumn("Speed", ["CPU Speed", "Speed MHz", "CPU MHz", "vHostCpuMhz"])
        static let sockets = RVToolsColumn("# CPU", ["CPU Sockets", "Sockets", "Num CPU", "vHostNumCpu"])
        static let coresPerCPU = RVToolsColumn("Cores per CPU", ["Cores per Socket", "vHostCoresPerCPU"])
        static let cores = RVToolsColumn("# Cores", ["CPU Cores", "Cores", "Num Cores", "vHostNumCpuCores"])
        static let memory = RVToolsColumn("# Memory", ["Memory", "Memory Size", "Memory MB", "vHostMemorySize"])
        static let esxVersion = RVToolsColumn("ESX Version", ["Version", "vHostFullName"])
        static let cpuUsage = RVToolsColumn("CPU usage %", ["CPU Usage", "vHostOverallCpuUsage"])
        static let memoryUsage = RVToolsColumn("Memory usage %", ["Memory Usage", "vHostOverallMemoryUsage"])
        static let currentEVC = RVToolsColumn("Current EVC", ["Current EVC Mode", "vHostCurrentEVC"])
        /// Every column read (the others of a workbook sheet are skipped).
        static let all = [host, cluster, cpuModel, speed, sockets, coresPerCPU, cores, memory, esxVersion, cpuUsage, memoryUsage, currentEVC]
    }

    /// Reads every host row of a `vHost` export. `# Cores` or `Cores per CPU` must be present.
    static func read(_ url: URL, warnings: inout [String]) throws -> [HostRecord] {
        try read(RVToolsSheet(url: url, tab: "vHost"), warnings: &warnings)
    }

    /// Reads every host row of a `vHost` tab.
    static func read(_ sheet: RVToolsSheet, warnings: inout [String]) throws -> [HostRecord] {
        typealias C = Columns
        let required = try sheet.require([C.host, C.cluster, C.cpuModel, C.speed, C.sockets, C.memory])
        let (host, cluster, model, speed, socketsColumn, memory) =
            (required[0], required[1], required[2], required[3], required[4], required[5])
        let perCPU = sheet.index(of: C.coresPerCPU)
        let total = sheet.index(of: C.cores)
        if perCPU == nil, total == nil { _ = try sheet.require([C.cores]) }
        let version = sheet.index(of: C.esxVersion)
        let cpuUsage = sheet.index(of: C.cpuUsage)
        let memoryUsage = sheet.index(of: C.memoryUsage)
        let evc = sheet.index(of: C.currentEVC)
        var hosts: [HostRecord] = []
        for row in 0..<sheet.rowCount {
            let name = sheet.name(row, host)
            if let problem = EntityNaming.nameProblem(name) { throw sheet.error(row, C.host, "host name \(problem)") }
            let sockets = try sheet.wholeNumber(row, socketsColumn, C.sockets)
            guard sockets > 0 else { throw sheet.error(row, C.sockets, "a host needs at least one CPU socket") }
            let coresPerSocket = try cores(sheet, row, sockets: sockets, perCPU: perCPU, total: total, warnings: &warnings)
            let mhz = try sheet.number(row, speed, C.speed)
            guard mhz >= 1, mhz <= 100_000 else { throw sheet.error(row, C.speed, "CPU speed must be 1–100,000 MHz") }
            var memoryMB = try sheet.number(row, memory, C.memory)
            guard memoryMB > 0 else { throw sheet.error(row, C.memory, "host memory must be positive (MB)") }
            if memoryMB > 1e8 {  // more than ~95 TiB in MB: the export gave bytes
                memoryMB /= 1_048_576
                warnings.append("\(sheet.file), row \(sheet.rowNumber(row)): '# Memory' looks like bytes; read as \(Int(memoryMB)) MB")
            }
            // Found by make fuzz (issue 17): 1e300 trapped converting to Int. 1 PiB is far above any host.
            guard memoryMB <= 1_073_741_824 else { throw sheet.error(row, C.memory, "host memory above 1 PiB") }
            hosts.append(HostRecord(
                name: name, cluster: sheet.text(row, cluster), cpuModel: sheet.text(row, model),
                mhz: Int(mhz.rounded()), sockets: sockets, coresPerSocket: coresPerSocket, memoryMB: memoryMB,
                esxVersion: sheet.text(row, version),
                cpuUsagePct: try sheet.optionalNumber(row, cpuUsage, C.cpuUsage),
                memoryUsagePct: try sheet.optionalNumber(row, memoryUsage, C.memoryUsage),
                currentEVC: sheet.text(row, evc)))
        }
        return hosts
    }

    /// Cores per socket from `Cores per CPU`, else `# Cores` / `# CPU`.
    private static func cores(_ sheet: RVToolsSheet, _ row: Int, sockets: Int, perCPU: Int?, total: Int?,
                              warnings: inout [String]) throws -> Int {
        if let perCPU, !sheet.text(row, perCPU).isEmpty {
            let cores = try sheet.wholeNumber(row, perCPU, Columns.coresPerCPU)
            if cores > 0 { return cores }
        }
        guard let total else {
            throw sheet.error(row, Columns.coresPerCPU, "empty cell and no '# Cores' column to derive it from")
        }
        let cores = try sheet.wholeNumber(row, total, Columns.cores)
        guard cores >= sockets else { throw sheet.error(row, Columns.cores, "fewer cores (\(cores)) than sockets (\(sockets))") }
        if cores % sockets != 0 {
            warnings.append("\(sheet.file), row \(sheet.rowNumber(row)): \(cores) cores on \(sockets) sockets; "
                + "used \(cores / sockets) cores per socket")
        }
        return cores / sockets
    }
}
