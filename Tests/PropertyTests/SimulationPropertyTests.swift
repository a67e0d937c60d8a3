import ClusterModel
import Foundation
import PropertyBased
import SimKernel
import Testing

/// Random small clusters run to completion with every model invariant checked after every
/// event (docs/reliability.md, ``ClusterRuntime/invariantViolations()``). A failure prints the shrunk
/// scenario and a `.fixedSeed("…")` trait that replays it (docs/reliability.md).
@Suite struct SimulationPropertyTests {
    /// Random cases of a soak run (`PROPERTY_CASES=N` in the environment raises it).
    static let randomCases = ProcessInfo.processInfo.environment["PROPERTY_CASES"].flatMap(Int.init) ?? 500
    /// Fixed cases: the same scenarios on every run, numbered 1…N.
    static let fixedCases = 200

    /// Soak and replay: fresh random scenarios (the library draws a new seed each run), shrunk on
    /// failure, with the `.fixedSeed("…")` trait that replays a case in the message. `make test`
    /// leaves it out (`--skip`) because it must be deterministic; `make soak` runs it.
    @Test func randomScenariosKeepEveryInvariant() async {
        await propertyCheck(count: Self.randomCases, input: ScenarioGenerators.scenario) { scenario in
            let outcome = ScenarioCheck.run(scenario)
            #expect(outcome.violations.isEmpty, "invariants broken:\n\(outcome.violations.joined(separator: "\n"))\nin \(scenario)")
        }
    }

    /// The deterministic anchor: cases 1…N drawn from fixed generator seeds. A failure names the
    /// case and the `.fixedSeed("…")` that replays (and shrinks) it on the random test above.
    @Test func fixedScenariosKeepEveryInvariant() {
        var overcommitted = 0, reclaimed = 0
        for k in 1...Self.fixedCases {
            var rng = Xoshiro(seed: ScenarioCheck.generatorSeed(case: k))
            let seed = rng.currentSeed
            let scenario = ScenarioGenerators.scenario.run(using: &rng)
            let outcome = ScenarioCheck.run(scenario)
            if outcome.memoryOvercommitMax > 1 { overcommitted += 1 }
            if outcome.reclaimedMBSeconds > 0 { reclaimed += 1 }
            #expect(outcome.violations.isEmpty, """
                fixed case \(k): invariants broken:
                \(outcome.violations.joined(separator: "\n"))
                in \(scenario)
                Replay and shrink it: add `.fixedSeed("\(seed)")` to randomScenariosKeepEveryInvariant.
                """)
        }
        // The memory invariants are exercised: many clusters overcommit, some reclaim memory.
        #expect(overcommitted >= Self.fixedCases / 5 && reclaimed >= 10, "\(overcommitted) overcommitted, \(reclaimed) reclaiming")
    }

    @Test func sameSeedGivesTheSameRun() {
        for k in 1...10 {
            var rng = Xoshiro(seed: ScenarioCheck.generatorSeed(case: 1_000 + k))
            let scenario = ScenarioGenerators.scenario.run(using: &rng)
            let a = ScenarioCheck.run(scenario), b = ScenarioCheck.run(scenario)
            #expect(a.fingerprint == b.fingerprint, "two runs of \(scenario) differ")
        }
    }
}

/// Runs one ``RandomScenario`` with invariant checking on.
enum ScenarioCheck {
    struct Outcome {
        var violations: [String]
        /// Energy, migration and outage figures that must repeat exactly for the same seed.
        var fingerprint: [Double]
        /// Highest configured / physical memory, and ∫ (ballooned + swapped) dt.
        var memoryOvercommitMax = 0.0
        var reclaimedMBSeconds = 0.0
    }

    /// The generator state of fixed case `k` (SplitMix64 steps from `k`).
    static func generatorSeed(case k: Int) -> (UInt64, UInt64, UInt64, UInt64) {
        var x = UInt64(k)
        func next() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (next(), next(), next(), next())
    }

    static func run(_ scenario: RandomScenario) -> Outcome {
        let settings = scenario.settings
        let config = scenario.clusterConfig()
        let recorder = CollectingRecorder()
        let runtime = ClusterRuntime(config: config, settings: settings, recorder: recorder)
        runtime.start()
        runtime.advance(until: settings.duration)
        var violations = runtime.violations
        let summary = runtime.finish()
        if violations.isEmpty, !(summary.energyJ.isFinite && summary.energyJ >= 0) {
            violations.append("end: energy \(summary.energyJ) J is not a finite non-negative number")
        }
        let m = summary.migrations
        if violations.isEmpty {
            violations += recordedViolations(recorder, config: config, outcomes: m.byOutcome.values.reduce(0, +))
        }
        let fingerprint = [summary.energyJ, Double(m.requests), Double(m.count(.ok)), Double(m.count(.aborted)),
                           Double(summary.haOutages), summary.vmSecondsDown, summary.hostOnSeconds]
        return Outcome(violations: violations, fingerprint: fingerprint, memoryOvercommitMax: summary.memoryOvercommitMax,
                       reclaimedMBSeconds: summary.memoryBalloonedMBSeconds + summary.memorySwappedMBSeconds)
    }

    /// The same accounting seen from the output rows: one `migrations.csv` row per outcome, and
    /// each host's `power_events.csv` rows chain (from = previous to) through allowed moves.
    static func recordedViolations(_ recorder: CollectingRecorder, config: ClusterConfig, outcomes: Int) -> [String] {
        var out: [String] = []
        if recorder.migrations.count != outcomes {
            out.append("end: \(recorder.migrations.count) migration rows ≠ \(outcomes) outcomes")
        }
        var state = config.hosts.map(\.initialState)
        for e in recorder.powerEvents {
            guard let h = config.hosts.firstIndex(where: { $0.name == e.host }) else {
                out.append("t=\(e.time): power event for unknown host \(e.host)")
                continue
            }
            if e.from != state[h] || !e.from.canMove(to: e.to) {
                out.append("t=\(e.time): host \(e.host) row \(e.from.csvName) → \(e.to.csvName) after \(state[h].csvName)")
            }
            state[h] = e.to
        }
        return out
    }
}
