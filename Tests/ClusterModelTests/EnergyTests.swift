import ClusterModel
import Experiments
import SimKernel
import Testing

/// Closed-form energy checks (docs/model.md "Power and energy"): at constant utilization, E = P(u) × T exactly.
@Suite struct EnergyTests {
    @Test(arguments: [
        PowerModel.linear(idleW: 100, maxW: 300),
        BuiltinPowerModels.hpML110G4,
        BuiltinPowerModels.ibmX3550X5670,
    ])
    func constantLoadEnergyEqualsPowerTimesDuration(model: PowerModel) {
        // 2 hosts × 16 cores × 2000 MHz; 4 VMs of 2 vCPUs at a constant 45 % → each host carries
        // 2 VMs × 2 × 2000 × 0.45 = 3,600 MHz of 32,000 = 11.25 % utilization.
        let vms = (1...4).map { TestClusters.vm("vm-\($0)") }
        let config = TestClusters.cluster(hosts: 2, vms: vms, workloads: [ModelBuilder.defaultWorkload(cpuMean: 0.45)], power: model)
        let settings = ModelBuilder.defaultSettings(duration: .days(2), sampleInterval: .minutes(5))
        let (summary, rec) = TestClusters.run(config, settings: settings)
        let u = 3_600.0 / 32_000.0
        let expectedJ = 2 * model.watts(atUtilization: u) * 2 * 86_400
        #expect(abs(summary.energyJ - expectedJ) / expectedJ < 1e-9)
        #expect(rec.samples.count == 576)
        // The cumulative column at the last row's time equals P × that time.
        let last = rec.samples[rec.samples.count - 1]
        let expectedAtLast = 2 * model.watts(atUtilization: u) * last.time.seconds / 3_600_000
        #expect(abs(last.energyKWh - expectedAtLast) < 1e-9)
    }

    @Test func idleHostsDrawIdlePowerNotZero() {
        let config = TestClusters.cluster(hosts: 3, vms: [], workloads: [ModelBuilder.defaultWorkload(cpuMean: 0)])
        let (summary, _) = TestClusters.run(config, settings: ModelBuilder.defaultSettings(duration: .hours(10)))
        #expect(abs(summary.energyJ - 3 * 100 * 36_000) < 1e-6)
    }

    @Test func specPowerInterpolatesBetweenDeciles() {
        let m = BuiltinPowerModels.hpML110G4
        #expect(m.watts(atUtilization: 0) == 86)
        #expect(m.watts(atUtilization: 1) == 117)
        #expect(abs(m.watts(atUtilization: 0.25) - (92.6 + 96) / 2) < 1e-12)
        #expect(m.watts(atUtilization: 1.5) == 117)
    }

    @Test func energyMeterIntegratesPiecewiseConstantPower() {
        var meter = EnergyMeter(hostCount: 2)
        meter.setPower(0, watts: 100, at: .zero)
        meter.setPower(1, watts: 50, at: .zero)
        meter.refreshTotal()
        meter.setPower(0, watts: 200, at: .seconds(10))   // 150 W × 10 s
        meter.refreshTotal()
        meter.advance(to: .seconds(30))                     // 250 W × 20 s
        #expect(abs(meter.energyJ - 6_500) < 1e-9)
    }
}
