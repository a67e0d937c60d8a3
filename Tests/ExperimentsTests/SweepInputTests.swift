import Foundation
import Scenarios
import Testing
@testable import Experiments

/// Bad sweep input: a clear error before anything runs, and no output folder.
@Suite struct SweepInputTests {
    /// Runs `settings` on the tiny scenario (or `yaml`); returns the error text and whether the out folder stayed empty.
    static func failure(_ settings: [String] = [], yaml: String = SweepFixture.yaml, replications: Int? = nil,
                        label: String) throws -> (String, Bool) {
        let scenario = try SweepFixture.scenarioFile(label, yaml: yaml)
        let out = SweepFixture.folder(label + "-out")
        var request = SweepFixture.request(scenario, out: out, settings: settings)
        request.replications = replications
        var message = ""
        do {
            _ = try SweepRunner.run(request)
        } catch let e as ScenarioErrors {
            message = e.description
        } catch let e as InputError {
            message = e.description
        }
        let empty = ((try? FileManager.default.contentsOfDirectory(atPath: out.path)) ?? []).isEmpty
        return (message, empty)
    }

    @Test func anAxisNamingAnUnknownKey() throws {
        let (message, empty) = try Self.failure(["drs.treshold=1,2"], label: "unknown")
        #expect(message.contains("unknown key 'treshold' (did you mean 'threshold'?)"))
        #expect(empty)
    }

    @Test func anEmptyAxis() throws {
        let (fromCommandLine, empty) = try Self.failure(["drs.threshold=3,"], label: "empty-cli")
        #expect(fromCommandLine.contains("empty value in 'drs.threshold=3,'"))
        #expect(empty)
        let yaml = SweepFixture.yaml.replacingOccurrences(of: "drs.threshold: [3, 5]", with: "drs.threshold: []")
        let (fromFile, emptyToo) = try Self.failure(yaml: yaml, label: "empty-file")
        #expect(fromFile.contains("axis 'drs.threshold' has no values"))
        #expect(emptyToo)
    }

    @Test func aValueOfTheWrongType() throws {
        let (message, empty) = try Self.failure(["dpm.enabled=false,maybe"], label: "type")
        #expect(message.contains("dpm.enabled"))
        #expect(message.contains("maybe"))
        #expect(empty)
        let (range, emptyToo) = try Self.failure(["drs.threshold=3,9"], label: "range")
        #expect(range.contains("threshold"))
        #expect(emptyToo)
    }

    @Test func badCounts() throws {
        #expect(try Self.failure(replications: 0, label: "reps").0.contains("--replications must be at least 1"))
        #expect(try Self.failure(["seed=1,2"], label: "seed").0.contains("'seed' cannot be a sweep axis"))
    }

    @Test func shardSpecs() throws {
        #expect(throws: InputError.self) { try ShardSpec.parse("3/2") }
        #expect(throws: InputError.self) { try ShardSpec.parse("0/2") }
        #expect(throws: InputError.self) { try ShardSpec.parse("1/0") }
        #expect(throws: InputError.self) { try ShardSpec.parse("two/3") }
        do {
            _ = try ShardSpec.parse("3/2")
        } catch {
            #expect(String(describing: error) == "--shard 3/2: the shard number must be between 1 and 2")
        }
        let shards = try (1...3).map { try ShardSpec(index: $0, count: 3) }
        for position in 0..<10 {
            #expect(shards.filter { $0.contains(position: position) }.count == 1)
        }
        #expect(try ShardSpec.parse("2/3").contains(position: 4))
    }

    @Test func singleValuesAreOverridesAndNarrowFileAxes() {
        let (overrides, axes) = PreparedSweep.split(["duration=12h", "drs.threshold=2,3", "dpm.enabled=", "name=\"a,b\""])
        #expect(overrides == ["duration=12h", "name=\"a,b\""])
        #expect(axes == ["drs.threshold=2,3", "dpm.enabled="])
    }
}
