import Testing
@testable import Scenarios

/// Semantic checks of profiles and top-level values: key path and line of each issue.
@Suite struct ValidationProfileTests {
    @Test func nonPositiveSizesAreRefused() throws {
        let yaml = Fixture.replacing("mhz: 2800}", with: "mhz: 0}", in: Fixture.replacing("memory_gb: 16", with: "memory_gb: -2"))
        let issues = Fixture.issues(yaml)
        let mhz = try #require(Fixture.issue(at: "host_profiles[0].cpu.mhz", in: issues))
        #expect(mhz.message == "mhz must be at least 1 (got 0)")
        #expect(mhz.line == Fixture.line(of: "mhz: 0", in: yaml))
        let memory = try #require(Fixture.issue(at: "vm_profiles[0].memory_gb", in: issues))
        #expect(memory.message == "memory_gb must be positive (got -2)")
        #expect(memory.line == Fixture.line(of: "memory_gb: -2", in: yaml))
    }

    @Test func thresholdOutOfRangeInAClusterBlock() throws {
        let yaml = Fixture.minimal.replacingOccurrences(of: "    vms: [{profile: web, count: 10}]\n",
                                                        with: "    vms: [{profile: web, count: 10}]\n    drs:\n      threshold: 7\n")
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "clusters[0].drs.threshold")
        #expect(issue.line == Fixture.line(of: "threshold: 7", in: yaml))
        #expect(issue.message == "threshold must be 1…5 (got 7)")
    }

    @Test func inheritedBadValueIsReportedOnceAtTheScenarioLevel() {
        let yaml = Fixture.minimal + "dpm: {threshold: 0}\n"
        let issues = Fixture.issues(yaml)
        #expect(issues.map(\.keyPath) == ["dpm.threshold"])
    }

    @Test func fractionsOutOfRange() throws {
        let yaml = Fixture.replacing("    memory_gb: 16\n", with: """
                memory_gb: 16
                workload:
                  cpu: {mean: 1.5, diurnal: {amplitude: 0.5, peak_hour: 24}}
                  memory: {active_fraction: -0.1, wws_fraction: 0}

            """)
        let issues = Fixture.issues(yaml)
        #expect(issues.count == 4, "\(issues)")
        let mean = try #require(Fixture.issue(at: "vm_profiles[0].workload.cpu.mean", in: issues))
        #expect(mean.message == "mean must be between 0 and 1 (got 1.5)")
        #expect(mean.line == Fixture.line(of: "mean: 1.5", in: yaml))
        #expect(Fixture.issue(at: "vm_profiles[0].workload.cpu.diurnal.peak_hour", in: issues) != nil)
        #expect(Fixture.issue(at: "vm_profiles[0].workload.memory.active_fraction", in: issues) != nil)
        #expect(Fixture.issue(at: "vm_profiles[0].workload.memory.wws_fraction", in: issues)?.line
                == Fixture.line(of: "wws_fraction", in: yaml))
    }

    @Test func dpmBandMustStayWithinZeroAndOne() throws {
        let issue = try #require(Fixture.issues(Fixture.minimal + "dpm: {target_utilization: 0.9, tolerance: 0.2}\n").first)
        #expect(issue.keyPath == "dpm.tolerance")
        #expect(issue.message.contains("within 0…1"))
    }

    @Test func duplicateProfileNames() throws {
        let yaml = Fixture.replacing("vm_profiles:\n", with: """
            vm_profiles:
              - {name: web, vcpus: 2, memory_gb: 4}

            """)
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "vm_profiles[1].name")
        #expect(issue.message == "duplicate VM profile name 'web' (also at vm_profiles[0])")
        #expect(issue.line == Fixture.line(of: "  - name: web", in: yaml))
    }

    @Test func specpowerNeedsElevenNonDecreasingWatts() throws {
        let shortTable = Fixture.replacing("power: {model: linear, idle_w: 180, max_w: 520}",
                                          with: "power: {model: specpower, watts: [90, 100, 110]}")
        let short = try #require(Fixture.issues(shortTable).first)
        #expect(short.keyPath == "host_profiles[0].power.watts")
        #expect(short.message == "watts must have exactly 11 values (0 %, 10 % … 100 % load), got 3")
        #expect(short.line == Fixture.line(of: "specpower", in: shortTable))

        let decreasing = Fixture.replacing("power: {model: linear, idle_w: 180, max_w: 520}",
                                          with: "power:\n      model: specpower\n      watts: [90, 95, 100, 99, 110, 120, 130, 140, 150, 160, 170]")
        let issue = try #require(Fixture.issues(decreasing).first)
        #expect(issue.keyPath == "host_profiles[0].power.watts[3]")
        #expect(issue.message.contains("must not decrease"))
        #expect(issue.line == Fixture.line(of: "watts: [90", in: decreasing))
    }

    @Test func builtinPowerTablesLoad() throws {
        for table in BuiltinPowerTable.allCases {
            let yaml = Fixture.replacing("power: {model: linear, idle_w: 180, max_w: 520}", with: "power: {builtin: \(table.rawValue)}")
            let scenario = try #require(Fixture.loaded(yaml))
            let power = scenario.spec.hostProfiles[0].power
            #expect(power.model == .specpower)
            #expect(power.table?.count == 11)
            #expect(power.table == table.watts)
        }
        #expect(BuiltinPowerTable.hpML110G4.watts.first == 86)
        #expect(BuiltinPowerTable.ibmX3550X5675.watts.last == 222)
    }

    @Test func unknownBuiltinAndMissingLinearKeys() throws {
        let unknown = Fixture.replacing("power: {model: linear, idle_w: 180, max_w: 520}", with: "power: {builtin: hp_ml110_g6}")
        let issue = try #require(Fixture.issues(unknown).first)
        #expect(issue.keyPath == "host_profiles[0].power.builtin")
        #expect(issue.message.contains("did you mean"))
        #expect(issue.message.contains("hp_ml110_g4, hp_ml110_g5, ibm_x3550_x5670, ibm_x3550_x5675"))

        let partial = Fixture.replacing("power: {model: linear, idle_w: 180, max_w: 520}", with: "power: {model: linear, idle_w: 180}")
        let missing = try #require(Fixture.issues(partial).first)
        #expect(missing.keyPath == "host_profiles[0].power.max_w")
        #expect(missing.line == Fixture.line(of: "power:", in: partial))
    }

    @Test func unknownCPUGenerationListsTheKnownOnes() throws {
        let yaml = Fixture.replacing("cpu: {sockets: 2", with: "cpu: {generation: icelak, sockets: 2")
        let issue = try #require(Fixture.issues(yaml).first)
        #expect(issue.keyPath == "host_profiles[0].cpu.generation")
        #expect(issue.message.contains("did you mean 'icelake'?"))
    }

    @Test func schemaVersionMustBeOne() throws {
        let issue = try #require(Fixture.issues(Fixture.replacing("schema_version: 1", with: "schema_version: 2")).first)
        #expect(issue.keyPath == "schema_version")
        #expect(issue.line == 1)
    }
}
