import Foundation
import Testing
@testable import Traces

@Suite struct CSVTraceReaderTests {
    @Test func singleVMWithMemoryAndStepHold() throws {
        let folder = try TestSupport.scratchFolder("csv-single")
        let file = try TestSupport.write("time_s,cpu_util,mem_util\n0,0.2,0.5\n600,0.4,0.25\n1200,0.8,0.75\n", to: "vm.csv", in: folder)
        let trace = try CSVTraceReader.read(file: file)
        #expect(trace.intervalSeconds == 600)
        #expect(trace.durationSeconds == 1_800)
        #expect([0.0, 300, 600, 900, 1_200, 1_500].map { trace.cpu(atSeconds: $0, end: .hold) }
            == [0.2, 0.2, 0.4, 0.4, 0.8, 0.8].map { Double(Float($0)) })
        #expect(trace.memory(atSeconds: 650, end: .hold) == 0.25)
        #expect(trace.cpu(atSeconds: 1_800, end: .repeat) == Double(Float(0.2)))
        #expect(trace.cpu(atSeconds: 1_800, end: .hold) == Double(Float(0.8)))
    }

    @Test func percentColumnBOMSemicolonsDecimalCommaAndCRLF() throws {
        let text = "\u{FEFF}Time_S;CPU_PCT;note\r\n0;12,5;\"a; b\"\r\n300;50;\r\n"
        let traces = try CSVTraceReader.parse(Data(text.utf8), file: "p.csv", defaultVMName: "p")
        #expect(traces.count == 1)
        #expect(traces[0].vm == "p")
        #expect(traces[0].trace.cpu(atSeconds: 0, end: .hold) == 0.125)
        #expect(traces[0].trace.cpu(atSeconds: 300, end: .hold) == 0.5)
        #expect(!traces[0].trace.hasMemory)
    }

    @Test func multiVMFileKeepsFirstAppearanceOrder() throws {
        let text = "vm,time_s,cpu_util\n\"db, 2\",0,0.5\nweb-1,0,0.25\n\"db, 2\",300,1\nweb-1,300,0\nweb-1,900,0.75\n"
        let traces = try CSVTraceReader.parse(Data(text.utf8), file: "m.csv", defaultVMName: "m")
        #expect(traces.map(\.vm) == ["db, 2", "web-1"])
        #expect(traces[0].trace.cpu(atSeconds: 400, end: .hold) == 1)
        #expect(traces[1].trace.intervalSeconds == nil)
        #expect(traces[1].trace.cpu(atSeconds: 600, end: .hold) == 0)
        #expect(traces[1].trace.cpu(atSeconds: 900, end: .hold) == 0.75)
        let folder = try TestSupport.scratchFolder("csv-multi")
        let file = try TestSupport.write(text, to: "m.csv", in: folder)
        let error = #expect(throws: TraceError.self) { try CSVTraceReader.read(file: file) }
        #expect(error?.message == "holds the traces of 2 VMs (vm column); expected one")
    }

    @Test(arguments: [
        ("time_s,cpu_util\n0,0.5\n300,x\n", 3, "column cpu_util: 'x' is not a number"),
        ("time_s,cpu_util\n0,0.5\n300,\n", 3, "column cpu_util: an empty cell is not a number"),
        ("time_s,cpu_util\n0,0.5\n300,1.5\n", 3, "column cpu_util: 1.5 is outside 0–1"),
        ("time_s,cpu_pct\n0,50\n300,150\n", 3, "column cpu_pct: 150.0 is outside 0–100"),
        ("time_s,cpu_util\n0,0.5\n-1,0.5\n", 3, "column time_s: -1.0 is negative"),
        ("time_s,cpu_util\n0,0.5\n300,0.5\n300,0.5\n", 4, "column time_s: 300.0 does not increase (previous sample at 300.0)"),
        ("vm,time_s,cpu_util\na,0,0.5\nb,0,0.5\na,0,0.5\n", 4, "column time_s: 0.0 does not increase for vm 'a' (previous sample at 0.0)"),
        ("time_s,cpu\n0,0.5\n", 1, "missing column cpu_util (or cpu_pct) (header row found: time_s, cpu)"),
        ("t,cpu_util\n0,0.5\n", 1, "missing column time_s (header row found: t, cpu_util)"),
        ("time_s,cpu_util\n0,\"0.5\n", 2, "a quoted field starting on this line is never closed"),
    ])
    func brokenRowsNameFileLineAndColumn(text: String, line: Int, message: String) {
        #expect(throws: TraceError(file: "vm.csv", line: line, message: message)) {
            try CSVTraceReader.parse(Data(text.utf8), file: "vm.csv", defaultVMName: "vm")
        }
    }

    @Test func groupsFromAFolderAVMColumnOrOneSharedTrace() throws {
        let folder = try TestSupport.scratchFolder("csv-groups")
        let perVM = folder.appendingPathComponent("per-vm")
        try FileManager.default.createDirectory(at: perVM, withIntermediateDirectories: true)
        for (name, cpu) in [("b.csv", "0.2"), ("a.csv", "0.1"), ("c.csv", "0.3")] {
            try TestSupport.write("time_s,cpu_util\n0,\(cpu)\n", to: name, in: perVM)
        }
        let library = TraceLibrary()
        let fromFolder = try library.traces(format: .csv, path: perVM, startIndex: 1, count: 2)
        #expect(fromFolder.map { $0.cpu(atSeconds: 0, end: .hold) } == [0.2, 0.3].map { Double(Float($0)) })

        let multi = try TestSupport.write("vm,time_s,cpu_util\nx,0,0.25\ny,0,0.5\nz,0,0.75\n", to: "multi.csv", in: folder)
        let fromColumn = try library.traces(format: .csv, path: multi, startIndex: 1, count: 2)
        #expect(fromColumn.map { $0.cpu(atSeconds: 0, end: .hold) } == [0.5, 0.75])
        #expect(throws: TraceError.self) { try library.traces(format: .csv, path: multi, startIndex: 2, count: 2) }

        let shared = try TestSupport.write("time_s,cpu_util\n0,0.25\n300,0.5\n", to: "shared.csv", in: folder)
        let replicated = try library.traces(format: .csv, path: shared, startIndex: 0, count: 4)
        #expect(replicated.count == 4 && replicated.allSatisfy { $0 == replicated[0] })
        #expect(throws: TraceError.self) { try library.traces(format: .csv, path: shared, startIndex: 1, count: 1) }
        #expect(throws: TraceError.self) {
            try library.traces(format: .csv, path: folder.appendingPathComponent("none.csv"), startIndex: 0, count: 1)
        }
    }
}
