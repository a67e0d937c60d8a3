import Foundation
import Inventory
import ZIPFoundation

/// `rvtools-import-20k` (issue 18): `drsim import rvtools` of a generated "Export all to Excel"
/// workbook with 20,000 VMs (400 hosts in 20 clusters) and RVTools' full column counts (vInfo 93,
/// vCPU 32, vMemory 36, vNetwork 30, vHost 74 columns; the columns the importer does not read are
/// filled with text, as real exports are). Target: < 2 s (release build). The workbook is written
/// before the clock starts.
enum RVToolsImportCase {
    static let vms = 20_000
    static let hostsPerCluster = 20
    static let clusters = 20

    static func run(_ name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("drsim-bench-rvtools-\(getpid())")
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let workbook = folder.appendingPathComponent("export.xlsx")
        try write(workbook)
        let size = (try? FileManager.default.attributesOfItem(atPath: workbook.path)[.size] as? Int) ?? 0
        // the share of the time spent inflating the ZIP entries alone
        let inflateStart = Date()
        let archive = try Archive(url: workbook, accessMode: .read)
        var inflated = 0
        for entry in archive where entry.path.hasPrefix("xl/") {
            _ = try archive.extract(entry, skipCRC32: true) { inflated += $0.count }
        }
        let inflate = Date().timeIntervalSince(inflateStart)
        let start = Date()
        let cpuStart = cpuSeconds()
        let result = try RVToolsImport.run(try RVToolsExport.at(workbook), options: .init(scenarioName: "estate-20k"))
        let wall = Date().timeIntervalSince(start)
        let cpu = cpuSeconds() - cpuStart
        BenchCases.line(name, ["wall_s": String(format: "%.3f", wall), "cpu_s": String(format: "%.3f", cpu),
                               "vms": "\(result.vmsImported)",
                               "hosts": "\(result.hostsImported)", "vm_profiles": "\(result.vmProfiles)",
                               "xlsx_mb": String(format: "%.1f", Double(size) / 1_048_576),
                               "xml_mb": String(format: "%.0f", Double(inflated) / 1_048_576),
                               "inflate_only_s": String(format: "%.3f", inflate),
                               "yaml_kb": "\(result.yaml.utf8.count / 1024)",
                               "peak_rss_mb": String(format: "%.0f", BenchCases.peakRSSMB()),
                               "target_s": "2", "pass": "\(wall < 2 && result.vmsImported == vms)"])
    }

    /// User + system CPU time of this process so far (less sensitive than wall time to other
    /// processes on a shared machine).
    static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + Double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6
    }

    /// Writes the workbook: shared strings for text, numbers inline.
    static func write(_ url: URL) throws {
        var strings = SharedStrings()
        var parts: [(String, String)] = []
        let tabs: [(String, [String], (Int, inout SharedStrings) -> [Cell])] = [
            ("vInfo", header(["VM", "Powerstate", "Template", "CPUs", "Memory", "Active Memory", "Network #1", "In Use MiB", "Path",
                              "Cluster", "Host", "HA Restart Priority", "VM ID"], total: 93), vInfoRow),
            ("vCPU", header(["VM", "Powerstate", "Template", "CPUs", "Max", "Overall", "Level", "Shares", "Reservation", "Limit",
                             "VM ID"], total: 32), vCPURow),
            ("vMemory", header(["VM", "Powerstate", "Template", "Size MiB", "Consumed", "Active", "Level", "Shares", "Reservation",
                                "Limit", "VM ID"], total: 36), vMemoryRow),
            ("vNetwork", header(["VM", "NIC label", "Network", "VM ID"], total: 30), vNetworkRow),
        ]
        for (index, tab) in tabs.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", sheet(tab.1, rows: vms, strings: &strings, row: tab.2)))
        }
        let hostHeader = header(["Host", "Cluster", "CPU Model", "Speed", "# CPU", "Cores per CPU", "# Cores", "CPU usage %",
                                 "# Memory", "Memory usage %", "ESX Version"], total: 74)
        parts.append(("xl/worksheets/sheet5.xml", sheet(hostHeader, rows: hostsPerCluster * clusters, strings: &strings, row: vHostRow)))
        let clusterHeader = header(["Name", "HA enabled", "Failover Level", "AdmissionControlEnabled", "DRS enabled",
                                    "DRS default VM behavior", "DRS vmotion rate", "DPM enabled"], total: 38)
        parts.append(("xl/worksheets/sheet6.xml", sheet(clusterHeader, rows: clusters, strings: &strings, row: vClusterRow)))
        let names = ["vInfo", "vCPU", "vMemory", "vNetwork", "vHost", "vCluster"]
        let sheetList = names.enumerated().map { "<sheet name=\"\($0.element)\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }
        let rels = names.indices.map {
            "<Relationship Id=\"rId\($0 + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>"
        }
        parts += [
            ("[Content_Types].xml", #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>"#),
            ("xl/workbook.xml", #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
                + sheetList.joined() + "</sheets></workbook>"),
            ("xl/_rels/workbook.xml.rels", #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
                + rels.joined() + "</Relationships>"),
            ("xl/sharedStrings.xml", strings.xml()),
        ]
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in parts {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }

    enum Cell {
        case text(String)
        case number(Double)
    }

    struct SharedStrings {
        var list: [String] = []
        var index: [String: Int] = [:]

        mutating func id(_ text: String) -> Int {
            if let i = index[text] { return i }
            index[text] = list.count
            list.append(text)
            return list.count - 1
        }

        func xml() -> String {
            var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
            for s in list { text += "<si><t>\(s)</t></si>" }
            return text + "</sst>"
        }
    }

    /// `columns` then filler headers up to `total`.
    static func header(_ columns: [String], total: Int) -> [String] {
        columns + (columns.count..<total).map { "Extra column \($0)" }
    }

    static func sheet(_ header: [String], rows: Int, strings: inout SharedStrings, row: (Int, inout SharedStrings) -> [Cell]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        func append(_ cells: [Cell], _ r: Int) {
            xml += "<row r=\"\(r)\">"
            for (c, cell) in cells.enumerated() {
                let ref = column(c) + String(r)
                switch cell {
                case .text(let s): xml += "<c r=\"\(ref)\" t=\"s\"><v>\(strings.id(s))</v></c>"
                case .number(let x): xml += "<c r=\"\(ref)\"><v>\(x)</v></c>"
                }
            }
            xml += "</row>"
        }
        append(header.map { .text($0) }, 1)
        for i in 0..<rows {
            var cells = row(i, &strings)
            for c in cells.count..<header.count { cells.append(c % 3 == 0 ? .number(Double(i % 97)) : .text("value \(c % 7)")) }
            append(cells, i + 2)
        }
        return xml + "</sheetData></worksheet>"
    }

    static func column(_ index: Int) -> String {
        var n = index + 1
        var name = ""
        while n > 0 {
            name = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + name
            n = (n - 1) / 26
        }
        return name
    }

    static func host(_ vm: Int) -> Int { vm % (hostsPerCluster * clusters) }
    static func vcpus(_ vm: Int) -> Int { [1, 2, 2, 4, 4, 8, 16][vm % 7] }
    static func memoryMB(_ vm: Int) -> Int { [2_048, 4_096, 8_192, 16_384, 32_768][vm % 5] }

    static func vInfoRow(_ i: Int, _ strings: inout SharedStrings) -> [Cell] {
        let h = host(i)
        return [.text("vm-\(i)"), .text("poweredOn"), .text("False"), .number(Double(vcpus(i))), .number(Double(memoryMB(i))),
                .number(Double(memoryMB(i) / 4)), .text("net-\(h / hostsPerCluster)"), .number(40_960),
                .text("[ds-\(h / hostsPerCluster)] vm-\(i)/vm-\(i).vmx"), .text("cluster-\(h / hostsPerCluster)"),
                .text("esx-\(h)"), .text("clusterRestartPriority"), .text("vm-id-\(i)")]
    }

    static func vCPURow(_ i: Int, _ strings: inout SharedStrings) -> [Cell] {
        let max = Double(vcpus(i) * 2_400)
        return [.text("vm-\(i)"), .text("poweredOn"), .text("False"), .number(Double(vcpus(i))), .number(max),
                .number(max * Double(5 + (i * 37) % 60) / 100), .text(i % 50 == 0 ? "high" : "normal"),
                .number(Double(vcpus(i) * 1_000)), .number(i % 40 == 0 ? 1_000 : 0), .number(-1), .text("vm-id-\(i)")]
    }

    static func vMemoryRow(_ i: Int, _ strings: inout SharedStrings) -> [Cell] {
        [.text("vm-\(i)"), .text("poweredOn"), .text("False"), .number(Double(memoryMB(i))), .number(Double(memoryMB(i)) * 0.7),
         .number(Double(memoryMB(i) / 4)), .text("normal"), .number(Double(memoryMB(i) * 10)),
         .number(i % 25 == 0 ? Double(memoryMB(i) / 2) : 0), .number(-1), .text("vm-id-\(i)")]
    }

    static func vNetworkRow(_ i: Int, _ strings: inout SharedStrings) -> [Cell] {
        [.text("vm-\(i)"), .text("Network adapter 1"), .text("net-\(host(i) / hostsPerCluster)"), .text("vm-id-\(i)")]
    }

    static func vHostRow(_ h: Int, _ strings: inout SharedStrings) -> [Cell] {
        [.text("esx-\(h)"), .text("cluster-\(h / hostsPerCluster)"), .text("Intel(R) Xeon(R) Gold 6338 CPU @ 2.00GHz"),
         .number(2_400), .number(2), .number(32), .number(64), .number(30), .number(1_048_576), .number(60),
         .text(h % 3 == 0 ? "VMware ESXi 7.0.3 build-21930508" : "VMware ESXi 8.0.2 build-22380479")]
    }

    static func vClusterRow(_ c: Int, _ strings: inout SharedStrings) -> [Cell] {
        [.text("cluster-\(c)"), .text("True"), .number(1), .text("True"), .text("True"), .text("fullyAutomated"), .number(3),
         .text("False")]
    }
}
