import Foundation
import Testing
@testable import Experiments

/// `drsim sweep` warns when every replication of a configuration gave the same metrics (a
/// scenario without randomness), and stays quiet when the replications differ.
@Suite struct SweepIdenticalReplicationsTests {
    @Test func deterministicScenarioWarnsNoisyScenarioDoesNot() throws {
        let noisy = try SweepFixture.scenarioFile("identical-noisy")
        let quiet = try SweepRunner.run(SweepFixture.request(noisy, out: SweepFixture.folder("identical-noisy-out"),
                                                             settings: ["duration=6h"]))
        #expect(quiet.tablesWritten && quiet.warnings.isEmpty)

        let fixed = try SweepFixture.scenarioFile(
            "identical-fixed",
            yaml: SweepFixture.yaml.replacingOccurrences(of: ", noise: {sigma: 0.3, correlation_time: 30m}", with: ""))
        let result = try SweepRunner.run(SweepFixture.request(fixed, out: SweepFixture.folder("identical-fixed-out"),
                                                              settings: ["duration=6h"]))
        #expect(result.warnings == [
            "the 2 replications of every configuration (2) are identical: their confidence intervals have zero width. "
                + "The scenario has no randomness (no workload noise, bursts, churn or random failures); add some, or use one replication",
        ])
        #expect(SweepReport.text(result).contains("\nwarning: the 2 replications of every configuration (2) are identical"))
    }
}
