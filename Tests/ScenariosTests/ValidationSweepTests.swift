import Testing
@testable import Scenarios

/// Sweep blocks: axes naming no key, empty axes, bad values, bad baselines — at the axis's line.
@Suite struct ValidationSweepTests {
    @Test func axisNamingAnUnknownKeyIsReportedAtTheAxisLine() throws {
        let yaml = Fixture.minimal + "sweep:\n  axes:\n    drs.treshold: [2, 4]\n"
        let issues = Fixture.issues(yaml)
        #expect(issues.count == 1, "\(issues)")
        let issue = try #require(issues.first)
        #expect(issue.line == Fixture.line(of: "drs.treshold", in: yaml))
        #expect(issue.file == "test.yaml")
        #expect(issue.keyPath == "drs.treshold")
        #expect(issue.message.contains("unknown key 'treshold' (did you mean 'threshold'?)"))
        #expect(issue.message.contains("(from sweep axis drs.treshold=2)"))
    }

    @Test func axisThroughAMissingListElement() throws {
        let yaml = Fixture.minimal + "sweep:\n  axes:\n    clusters.prod-z.dpm.enabled: [false, true]\n"
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.line == Fixture.line(of: "prod-z", in: yaml))
        #expect(issue.message.contains("no element of clusters is named 'prod-z' (names: prod-a)"))
    }

    @Test func invalidAxisValueIsReportedWithTheValue() throws {
        let yaml = Fixture.minimal + "sweep:\n  axes:\n    drs.threshold: [3, 4, 9]\n"
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.line == Fixture.line(of: "drs.threshold", in: yaml))
        #expect(issue.message == "threshold must be 1…5 (got 9) (from sweep axis drs.threshold=9)")
    }

    @Test func emptyAxisAndBadBaseline() throws {
        let yaml = Fixture.minimal + """
        sweep:
          axes:
            drs.threshold: []
            dpm.enabled: [false, true]
          baseline: {dpm.enabled: maybe}

        """
        let issues = Fixture.issues(yaml)
        #expect(issues.count == 2, "\(issues)")
        let empty = try #require(Fixture.issue(at: "sweep.axes[\"drs.threshold\"]", in: issues))
        #expect(empty.message == "axis 'drs.threshold' has no values")
        #expect(empty.line == Fixture.line(of: "drs.threshold: []", in: yaml))
        let baseline = try #require(Fixture.issue(at: "sweep.baseline[\"dpm.enabled\"]", in: issues))
        #expect(baseline.message.contains("baseline value 'maybe' is not one of axis 'dpm.enabled' values (false, true)"))
        #expect(baseline.line == Fixture.line(of: "baseline", in: yaml))
    }
}
