import Experiments
import Foundation
import Testing

/// The CSV contract (docs/outputs.md): headers from OutputColumns, documented in docs/outputs.md,
/// numbers without exponents, spreadsheet timestamps, RFC 4180 quoting.
@Suite struct OutputFormatTests {
    @Test func numbersAreFixedPointWithoutExponents() {
        #expect(CSVNumber.format(0.000001234, decimals: 9) == "0.000001234")
        #expect(CSVNumber.format(1e20, decimals: 3) == "100000000000000000000")
        #expect(CSVNumber.format(-0.0000001, decimals: 3) == "0")
        #expect(CSVNumber.format(12.5, decimals: 3) == "12.5")
        #expect(CSVNumber.format(-3.14159, decimals: 2) == "-3.14")
        #expect(CSVNumber.format(.nan, decimals: 2) == "")
        #expect(CSVNumber.text("a,b") == "\"a,b\"")
        #expect(CSVNumber.text("say \"hi\"") == "\"say \"\"hi\"\"\"")
        // Issue 17 item 2: cells a spreadsheet would run as formulas get OWASP's leading `'`.
        #expect(CSVNumber.text("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"")
        #expect(CSVNumber.text("+1+cmd|' /C calc'!A0") == "'+1+cmd|' /C calc'!A0")
        #expect(CSVNumber.text("-2+3") == "'-2+3")
        #expect(CSVNumber.text("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVNumber.text("\tweb") == "'\tweb")
        #expect(CSVNumber.text("\rweb") == "\"'\rweb\"")
        #expect(CSVNumber.text("web-01=x") == "web-01=x")
        // Numbers are data, never neutralised (axis values such as -0.5 stay numbers).
        #expect(CSVNumber.text("-0.5") == "-0.5")
        #expect(CSVNumber.text("+3") == "+3")
        #expect(CSVNumber.text("-") == "'-")
    }

    @Test func docsOutputsMatchTheColumnDefinitions() throws {
        let doc = try String(contentsOf: TestPaths.repo.appendingPathComponent("docs/outputs.md"), encoding: .utf8)
        #expect(doc.contains(OutputColumns.markdown()), "regenerate docs/outputs.md's column tables from OutputColumns.markdown()")
    }

    @Test func filesFollowTheCSVRules() throws {
        let out = TestPaths.scratch("fmt")
        defer { try? FileManager.default.removeItem(at: out) }
        var request = RunRequest(scenarioPath: nil)
        request.outDir = out.path
        request.overrides = ["duration=3d12h"]
        let folder = URL(fileURLWithPath: try ScenarioRun.run(request).folder)
        let files: [(String, [OutputColumn])] = [
            ("timeseries.csv", OutputColumns.timeseries), ("migrations.csv", OutputColumns.migrations),
            ("drs_passes.csv", OutputColumns.drsPasses), ("power_events.csv", OutputColumns.powerEvents),
            ("maintenance.csv", OutputColumns.maintenance), ("outages.csv", OutputColumns.outages),
            ("summary.csv", OutputColumns.summary),
        ]
        let exponent = try Regex(#"^-?[0-9.]+[eE][-+]?[0-9]+$"#)
        let timestamp = try Regex(#"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"#)
        for (name, columns) in files {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            #expect(lines.first.map(String.init) == columns.map(\.name).joined(separator: ","), "\(name) header")
            for line in lines.dropFirst() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                #expect(cells.count == columns.count, "\(name): \(line)")
                for (c, cell) in zip(columns, cells) {
                    #expect((try? exponent.wholeMatch(in: String(cell))) == nil, "\(name).\(c.name) = \(cell)")
                    if c.name == "timestamp" { #expect((try? timestamp.wholeMatch(in: String(cell))) != nil) }
                }
            }
        }
        let ts = try String(contentsOf: folder.appendingPathComponent("timeseries.csv"), encoding: .utf8)
        #expect(ts.split(separator: "\n").count == 1 + 1_008)   // 3.5 days of 5-minute samples
        let migrations = try String(contentsOf: folder.appendingPathComponent("migrations.csv"), encoding: .utf8)
        #expect(migrations.contains(",manual,") && migrations.contains(",maintenance,"))
    }
}
