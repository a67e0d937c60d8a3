import Experiments
import Foundation
import Testing

/// scenarios/vmotion-lab.yaml exercises every migration outcome; this pins what each event gives.
@Suite struct VMotionLabTests {
    @Test func everyOutcomeAppearsAsDocumented() throws {
        let out = TestPaths.scratch("lab")
        defer { try? FileManager.default.removeItem(at: out) }
        var request = RunRequest(scenarioPath: TestPaths.scenario("vmotion-lab.yaml"))
        request.outDir = out.path
        request.checkInvariants = true
        let folder = try ScenarioRun.run(request).folder
        let lines = try String(contentsOfFile: folder + "/migrations.csv", encoding: .utf8).split(separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        func col(_ row: [String], _ name: String) -> String { row[header.firstIndex(of: name)!] }
        let rows = lines.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let got = rows.map { "\(col($0, "vm")) \(col($0, "outcome")) \(col($0, "detail"))".trimmingCharacters(in: .whitespaces) }
        #expect(got == [
            "web-0002 ok", "web-0005 ok", "web-0004 ok",
            "web-0006 rejected no_vmotion_vmkernel", "web-0006 rejected network_label_missing",
            "big-0001 rejected insufficient_memory", "web-0003 rejected already_migrating", "web-0003 ok",
            "hot-0001 ok", "big-0001 aborted destination_left_on", "web-0006 rejected destination_not_on",
            "big-0001 failed source_failed", "web1g-0001 rejected cpu_vendor_mismatch",
            "web1g-0003 rejected cpu_feature_level", "web1g-0002 ok", "web1g-0004 ok", "web1g-0006 ok", "web1g-0008 ok",
            "web1g-0011 ok", "old-0001 rejected shared_nothing_unsupported", "shop-0001 rejected license",
        ])
        let shared = rows.first { col($0, "vm") == "web-0004" }!
        #expect(Double(col(shared, "storage_mb"))! == 40 * 1024)
        let hot = rows.first { col($0, "vm") == "hot-0001" }!
        #expect(col(hot, "sdps_engaged") == "true" && Double(col(hot, "downtime_ms"))! < 550)
        let queued = rows.first { col($0, "vm") == "web1g-0011" }!
        #expect(Double(col(queued, "queued_s"))! > 0)
        // A plain 16 GiB vMotion on 10 GbE: two rounds, ~80 ms down, one lost ping at most.
        let plain = rows.first { col($0, "vm") == "web-0002" }!
        #expect(col(plain, "precopy_rounds") == "2" && abs(Double(col(plain, "downtime_ms"))! - 80.165) < 0.01)
        let outages = try String(contentsOfFile: folder + "/outages.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(outages.count == 6 && outages.allSatisfy { $0.hasSuffix(",ha_restart") })
    }
}
