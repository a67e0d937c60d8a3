import Experiments
import Foundation
import Testing

/// Thresholds 2…5 on scenarios/drs-thresholds.yaml, averaged over 5 seeds with common random
/// numbers: more aggressive thresholds make more balancing moves and leave less imbalance.
@Suite struct DRSThresholdTests {
    @Test func migrationsRiseAndImbalanceFallsWithThreshold() throws {
        let out = TestPaths.scratch("thr")
        defer { try? FileManager.default.removeItem(at: out) }
        var moves: [Double] = [], chlsd: [Double] = []
        for t in 2...5 {
            var m = 0.0, c = 0.0
            for seed in 1...5 {
                var request = RunRequest(scenarioPath: TestPaths.scenario("drs-thresholds.yaml"))
                request.outDir = out.path
                request.seed = UInt64(seed)
                request.overrides = ["drs.threshold=\(t)", "duration=1d"]
                let s = try ScenarioRun.run(request).summary
                m += Double(s.migrationsDRS) / 5
                c += s.chlsdMean / 5
            }
            moves.append(m)
            chlsd.append(c)
        }
        for i in 1..<4 {
            #expect(moves[i] >= moves[i - 1], "migrations by threshold 2…5: \(moves)")
            #expect(chlsd[i] <= chlsd[i - 1], "mean CHLSD by threshold 2…5: \(chlsd)")
        }
    }
}
