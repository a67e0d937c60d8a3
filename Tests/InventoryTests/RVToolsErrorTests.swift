import Foundation
import Testing
@testable import Inventory

@Suite struct RVToolsErrorTests {
    static func run(vInfo: URL, vHost: URL = TestSupport.fixture("rvtools4/vHost.csv")) throws -> RVToolsImportResult {
        try RVToolsImport.run(vInfo: vInfo, vHost: vHost, vCluster: nil, scenarioName: "broken")
    }

    @Test func missingRequiredColumnNamesFileColumnAndHeaders() {
        let file = TestSupport.fixture("broken/vInfo_missing_cpus.csv")
        let error = #expect(throws: InventoryError.self) { try Self.run(vInfo: file) }
        #expect(error?.file == file.relativePath)
        #expect(error?.row == 1)
        #expect(error?.column == "CPUs")
        #expect(error?.message.hasPrefix("missing required column 'CPUs' (accepted: CPUs, vCPUs, Num CPUs, # CPUs, vInfoCPUs)") == true)
        #expect(error?.message.contains("is this the RVTools vInfo tab? Headers found: VM | Powerstate | Template |") == true)
        #expect(error?.description.hasPrefix("\(file.relativePath), row 1, column 'CPUs': missing required column") == true)
    }

    @Test func nonNumericCPUsNamesFileRowAndColumn() {
        let file = TestSupport.fixture("broken/vInfo_bad_cpus.csv")
        #expect(throws: InventoryError(file: file.relativePath, row: 7, column: "CPUs", message: "'four' is not a non-negative number")) {
            try Self.run(vInfo: file)
        }
    }

    @Test func swappedFilesAreReportedAsTheWrongTab() {
        let error = #expect(throws: InventoryError.self) {
            try Self.run(vInfo: TestSupport.fixture("rvtools4/vHost.csv"), vHost: TestSupport.fixture("rvtools4/vInfo.csv"))
        }
        #expect(error?.message.contains("is this the RVTools vHost tab?") == true)
        #expect(error?.message.contains("'# CPU'") == true)
    }

    @Test func unreadableAndMalformedFiles() throws {
        let missing = TestSupport.fixture("broken/no-such-file.csv")
        #expect(throws: InventoryError(file: missing.relativePath, row: nil, column: nil, message: "no such file")) {
            try Self.run(vInfo: missing)
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("drsim-inventory-tests-\(ProcessInfo.processInfo.processIdentifier)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let unterminated = folder.appendingPathComponent("vInfo.csv")
        try Data("VM,Powerstate,CPUs,Memory,Host\nweb,poweredOn,2,4096,h1\n\"db,poweredOn,2,4096,h1\n".utf8).write(to: unterminated)
        #expect(throws: InventoryError(file: unterminated.relativePath, row: nil, column: nil,
                                       message: "a quoted field starting on this line is never closed (line 3)")) {
            try Self.run(vInfo: unterminated)
        }
        let badHost = folder.appendingPathComponent("vHost.csv")
        try Data("Host;Cluster;CPU Model;Speed;# CPU;# Cores;# Memory\nh1;c;Xeon;2400;2;\"1,5\";1024\n".utf8).write(to: badHost)
        #expect(throws: InventoryError(file: badHost.relativePath, row: 2, column: "# Cores", message: "'1,5' is not a whole number")) {
            try Self.run(vInfo: unterminated, vHost: badHost)
        }
        let noCores = folder.appendingPathComponent("vHost-no-cores.csv")
        try Data("Host,Cluster,CPU Model,Speed,# CPU,# Memory\nh1,c,Xeon,2400,2,1024\n".utf8).write(to: noCores)
        let error = #expect(throws: InventoryError.self) { try Self.run(vInfo: unterminated, vHost: noCores) }
        #expect(error?.column == "# Cores")
    }
}
