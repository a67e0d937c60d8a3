import ClusterModel
import Experiments
import Scenarios
import SimKernel
import Testing

/// The model's `*Config` types have no defaults of their own: a cluster with no keys given gets
/// the spec layer's defaults (docs/scenario-format.md), through ``ModelBuilder``.
@Suite struct ConfigDefaultsTests {
    @Test func aClusterWithNoKeysHasTheDocumentedDefaults() throws {
        let c = try ModelBuilder.defaultCluster(name: "c", hosts: [], vms: [], workloads: [])
        // docs/scenario-format.md "drs": demand_window 15m (the model once had its own 5 min).
        #expect(c.drs.demandWindow == .minutes(15))
        #expect(c.drs.enabled && c.drs.automation == .fullyAutomated && c.drs.threshold == 3)
        #expect(c.drs.period == .minutes(5) && c.drs.pairwise && c.drs.algorithm == .auto && !c.drs.scalableShares)
        #expect(c.drs.useDownTime && c.drs.ignoreDownTimeLessThan == .seconds(1))
        #expect(c.drs.minGoodness == nil && c.drs.maxMovesPerHost == nil)
        #expect(!c.dpm.enabled && c.dpm.automation == .automatic && c.dpm.threshold == 3)
        #expect(c.dpm.targetUtilization == 0.63 && c.dpm.tolerance == 0.18 && c.dpm.minHostsOn == 1)
        #expect(c.dpm.historyPowerOn == .minutes(5) && c.dpm.historyPowerOff == .minutes(40))
        #expect(c.vmotion.switchoverGoal == .milliseconds(500) && c.vmotion.resumeTime == .milliseconds(50))
        #expect(c.vmotion.maxPrecopyRounds == 30 && c.vmotion.sdps && c.vmotion.nicEfficiency == 0.9)
        #expect(c.vmotion.storageCopyMbps == 4_000 && c.vmotion.minStreamMbps == 250)
        #expect(!c.ha.enabled && c.ha.restartTime == .seconds(15) && c.ha.admissionPolicy == .clusterResourcePercentage)
        #expect(c.ha.hostFailuresToTolerate == 1 && c.ha.maxConcurrentRestartsPerHost == 32)
        #expect(c.ha.performanceDegradationTolerated == 1 && c.ha.failoverHosts.isEmpty)
        #expect(c.memory.sharingSavings == 0.05)
        #expect(c.license == .enterprisePlus && c.vsphereVersion == (6, 7))
    }

    @Test func everySpecEnumCaseMapsToItsModelCase() {
        var drs = DRSSpec()
        for (spec, model) in zip(DRSSpec.Automation.allCases, [DRSAutomation.manual, .partiallyAutomated, .fullyAutomated]) {
            drs.automation = spec
            #expect(ModelBuilder.drsConfig(drs).automation == model)
        }
        for (spec, model) in zip(DRSSpec.Algorithm.allCases, [DRSAlgorithmChoice.auto, .classic, .score]) {
            drs.algorithm = spec
            #expect(ModelBuilder.drsConfig(drs).algorithm == model)
        }
        var dpm = DPMSpec()
        for (spec, model) in zip(DPMSpec.Automation.allCases, [DPMAutomation.off, .manual, .automatic]) {
            dpm.automation = spec
            #expect(ModelBuilder.dpmConfig(dpm, haEnabled: false).automation == model)
        }
    }
}
