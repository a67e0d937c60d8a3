import Foundation
import Testing

/// Golden outputs: the CSVs of every example scenario, snapshotted under `Golden/<scenario>/`.
///
/// A refactoring leaves them byte-identical; a behaviour change re-records them in the same commit
/// (`RECORD_GOLDEN=1 make test`) and says why in the commit message. Only CSVs are compared:
/// `manifest.json` holds wall time and `scenario.resolved.yaml` absolute trace paths.
enum GoldenOutputs {
    static let root = TestPaths.repo.appendingPathComponent("Tests/ExperimentsTests/Golden")

    /// True when the goldens are being re-recorded (`RECORD_GOLDEN=1`).
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDEN"] == "1" }

    /// Compares (or, when recording, stores) the CSVs of `folder` as the golden of `name`.
    /// Records an issue naming the first differing file, line and both rows.
    static func check(folder: String, name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let fm = FileManager.default
        let golden = root.appendingPathComponent(name)
        let produced = try csvFiles(in: folder)
        #expect(!produced.isEmpty, "the run wrote no CSV", sourceLocation: sourceLocation)
        if recording {
            try? fm.removeItem(at: golden)
            try fm.createDirectory(at: golden, withIntermediateDirectories: true)
            for file in produced {
                try fm.copyItem(atPath: folder + "/" + file, toPath: golden.appendingPathComponent(file).path)
            }
            return
        }
        let expected = try csvFiles(in: golden.path)
        #expect(!expected.isEmpty, "no golden for \(name): run `RECORD_GOLDEN=1 make test`", sourceLocation: sourceLocation)
        #expect(produced == expected, "\(name): files \(produced) differ from the golden's \(expected)", sourceLocation: sourceLocation)
        for file in produced where expected.contains(file) {
            let got = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            let want = try String(contentsOfFile: golden.appendingPathComponent(file).path, encoding: .utf8)
            if let diff = firstDifference(got, want) {
                Issue.record("\(name)/\(file) differs from its golden at line \(diff.line):\n  golden: \(diff.want)\n  now:    \(diff.got)\n(re-record with RECORD_GOLDEN=1 only for an intended behaviour change)", sourceLocation: sourceLocation)
            }
        }
    }

    /// The first line (1-based) where two texts differ, with both lines ("<end of file>" past the end).
    static func firstDifference(_ got: String, _ want: String) -> (line: Int, got: String, want: String)? {
        if got == want { return nil }
        let a = lines(got), b = lines(want)
        for i in 0..<max(a.count, b.count) {
            let x = i < a.count ? String(a[i]) : "<end of file>"
            let y = i < b.count ? String(b[i]) : "<end of file>"
            if x != y { return (i + 1, x, y) }
        }
        return (max(a.count, b.count), "<same lines, different bytes>", "")
    }

    /// Lines without their terminators (a final newline ends the last line, it does not start one).
    private static func lines(_ text: String) -> [Substring] {
        var parts = text.split(separator: "\n", omittingEmptySubsequences: false)
        if text.hasSuffix("\n") { parts.removeLast() }
        return parts
    }

    private static func csvFiles(in folder: String) throws -> [String] {
        guard FileManager.default.fileExists(atPath: folder) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }.sorted()
    }
}

@Suite struct GoldenOutputsTests {
    @Test func firstDifferenceNamesTheLine() throws {
        #expect(GoldenOutputs.firstDifference("a\nb\n", "a\nb\n") == nil)
        let d = try #require(GoldenOutputs.firstDifference("a\nx\nc\n", "a\nb\nc\n"))
        #expect(d.line == 2 && d.got == "x" && d.want == "b")
        let e = try #require(GoldenOutputs.firstDifference("a\n", "a\nb\n"))
        #expect(e.line == 2 && e.got == "<end of file>" && e.want == "b")
    }
}
