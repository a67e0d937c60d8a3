import Foundation
import Testing
@testable import Experiments

/// The part-file merge (RunRunner): lines ordered by key, ties by part index, numbering,
/// lines longer than a read chunk, a last line without newline, and malformed keys.
@Suite struct PartFileMergerTests {
    func write(_ text: String, _ dir: URL, _ name: String) throws -> String {
        let path = dir.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func mergesByKeyThenPartIndex() throws {
        let dir = TestPaths.scratch("merge")
        defer { try? FileManager.default.removeItem(at: dir) }
        let long = String(repeating: "x", count: 100_000)
        let parts = [
            try write("0,a0\n5,a5\n5,a5b\n9,a9\n", dir, "p0"),
            try write("", dir, "p1"),
            try write("0,c0\n5,c5\n7,\(long)\n12,c12", dir, "p2"),
            try write("-3,d-3\n5,d5\n", dir, "p3"),
        ]
        let out = dir.appendingPathComponent("out.csv").path
        try PartFileMerger.merge(parts: parts, header: ["id", "v"], output: out, numbering: true)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(Array(lines) == ["id,v", "1,d-3", "2,a0", "3,c0", "4,a5", "5,a5b", "6,c5", "7,d5", "8,\(long)", "9,a9",
                                 "10,c12", ""])
    }

    @Test func rejectsALineWithoutKey() throws {
        let dir = TestPaths.scratch("merge")
        defer { try? FileManager.default.removeItem(at: dir) }
        let parts = [try write("1,a\nnot-a-key,b\n", dir, "p0")]
        #expect(throws: OutputError.self) {
            try PartFileMerger.merge(parts: parts, header: ["v"], output: dir.appendingPathComponent("o").path)
        }
    }
}
