import Foundation
import Testing
@testable import Traces

@Suite struct PlanetLabReaderTests {
    /// First five values and the sum of all 288 values of three real files from 20110303.
    @Test(arguments: [
        ("146-179_surfsnel_dsl_internl_net_colostate_557", [24, 34, 29, 26, 26], 7_484),
        ("planetlab-2_cs_uic_edu_uw_oneswarm", [10, 12, 6, 10, 4], 3_311),
        ("vn5_cse_wustl_edu_uw_oneswarm", [15, 11, 4, 11, 12], 3_314),
    ])
    func readsRealFiles(name: String, firstFive: [Int], sum: Int) throws {
        let trace = try PlanetLabReader.read(TestSupport.planetLabFolder.appendingPathComponent(name))
        #expect(trace.sampleCount == 288)
        #expect(trace.intervalSeconds == 300)
        #expect(trace.durationSeconds == 86_400)
        #expect((0..<5).map { trace.cpu(atSeconds: Double($0) * 300, end: .hold) } == firstFive.map { Double($0) / 100 })
        #expect(abs(trace.meanCPU - Double(sum) / 288 / 100) < 1e-12)
        #expect(trace.cpu(atSeconds: 86_400 + 600, end: .repeat) == Double(firstFive[2]) / 100)
    }

    @Test func filesAreSortedByByteOrder() throws {
        let folder = try TestSupport.scratchFolder("sorted")
        for name in ["b", "a", "_x", "Z10", "Z9", "B", ".hidden"] {
            try TestSupport.write("1\n", to: name, in: folder)
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let names = try PlanetLabReader.sortedFiles(in: folder).map(\.lastPathComponent)
        #expect(names == ["B", "Z10", "Z9", "_x", "a", "b"])
        let fixtures = try PlanetLabReader.sortedFiles(in: TestSupport.planetLabFolder).map(\.lastPathComponent)
        #expect(fixtures == ["146-179_surfsnel_dsl_internl_net_colostate_557", "planetlab-2_cs_uic_edu_uw_oneswarm",
                             "vn5_cse_wustl_edu_uw_oneswarm"])
    }

    @Test func toleratesCRLFSpacesAndTrailingBlankLines() throws {
        let trace = try PlanetLabReader.parse(Data(" 5\r\n100 \r\n0\r\n\r\n\n".utf8), file: "t")
        #expect(trace.sampleCount == 3)
        #expect(trace.cpu(atSeconds: 300, end: .hold) == 1)
        let noFinalNewline = try PlanetLabReader.parse(Data("7\n8".utf8), file: "t")
        #expect(noFinalNewline.sampleCount == 2)
    }

    @Test(arguments: [
        ("1\n2\nx\n", 3, "integer CPU percent"),
        ("1\n101\n", 2, "integer CPU percent"),
        ("1\n-4\n", 2, "integer CPU percent"),
        ("1\n2.5\n", 2, "integer CPU percent"),
        ("1\n2 3\n", 2, "integer CPU percent"),
        ("1\n\n2\n", 2, "blank line"),
    ])
    func badLinesNameTheLine(text: String, line: Int, message: String) {
        let error = #expect(throws: TraceError.self) { try PlanetLabReader.parse(Data(text.utf8), file: "vm-7") }
        #expect(error?.file == "vm-7")
        #expect(error?.line == line)
        #expect(error?.message.contains(message) == true)
        #expect(error?.description.hasPrefix("vm-7:\(line): ") == true)
    }

    @Test func emptyFilesAndMissingPathsAreErrors() throws {
        #expect(throws: TraceError(file: "e", line: nil, message: "the trace file holds no samples")) {
            try PlanetLabReader.parse(Data("\n\n".utf8), file: "e")
        }
        let missing = TestSupport.fixtures.appendingPathComponent("no-such-folder")
        #expect(throws: TraceError(file: missing.path, line: nil, message: "no such trace folder")) {
            try PlanetLabReader.sortedFiles(in: missing)
        }
        let error = #expect(throws: TraceError.self) {
            try PlanetLabReader.read(missing.appendingPathComponent("vm"))
        }
        #expect(error?.message == "no such file")
        let empty = try TestSupport.scratchFolder("empty")
        #expect(throws: TraceError.self) { try PlanetLabReader.sortedFiles(in: empty) }
    }

    @Test func groupsTakeFilesFromStartIndex() throws {
        let library = TraceLibrary()
        let traces = try library.traces(format: .planetlab, path: TestSupport.planetLabFolder, startIndex: 1, count: 2)
        #expect(traces.map { $0.cpu(atSeconds: 0, end: .hold) } == [0.10, 0.15])
        #expect(library.parsedFileCount == 2)
        let again = try library.traces(format: .planetlab, path: TestSupport.planetLabFolder, startIndex: 0, count: 3)
        #expect(again[1] == traces[0])
        #expect(library.parsedFileCount == 3)  // each file parsed once
        let error = #expect(throws: TraceError.self) {
            try library.traces(format: .planetlab, path: TestSupport.planetLabFolder, startIndex: 2, count: 2)
        }
        #expect(error?.message == "too few traces: 2 VMs from start_index 2 need 4 files, there are 3")
    }
}
