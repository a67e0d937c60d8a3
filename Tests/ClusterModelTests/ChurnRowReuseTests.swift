@testable import ClusterModel
import Experiments
import SimKernel
import Testing

/// Lazy churn: arrivals drawn one at a time, table rows reused by later arrivals, and a reused
/// row keeps nothing of the VM before it.
@Suite struct ChurnRowReuseTests {
    static let seed: UInt64 = 42

    /// A cluster of 4 hosts with 8 static VMs and a churn of 48 arrivals a day living ~2 h,
    /// with CPU and memory reservations so a leftover reservation would show in the ledgers.
    static func churnCluster(ha: Bool = true) -> ClusterConfig {
        var base = TestClusters.vm("base-1", memoryGB: 16)
        base.reservationMHz = 500
        base.memoryReservationMB = 2_048
        var vms = [base]
        for i in 2...8 { var vm = base; vm.name = "base-\(i)"; vms.append(vm) }
        var config = TestClusters.cluster(hosts: 4, vms: vms, workloads: [
            ModelBuilder.defaultWorkload(cpuMean: 0.3, noiseSigma: 0.3, noiseCorrelationTime: .minutes(30),
                                         burstsPerDay: 6, burstFactor: 2, burstMeanDuration: .minutes(20)),
        ])
        config.churn = [ChurnConfig(template: base, namePrefix: "web", streamName: "churn/c/0", arrivalsPerDay: 48,
                                    lifetimeMean: .hours(2), lifetimeSigma: 0.5)]
        config.ha.enabled = ha
        return config
    }

    @Test func peakLiveIsTheMostVMsAliveAtOnce() {
        let config = Self.churnCluster().churn[0]
        var process = ChurnProcess(config, seed: Self.seed, duration: .days(2))
        var all: [ChurnArrival] = []
        while process.nextArrival != nil { all.append(process.arrive()) }
        #expect(all.count > 60 && all.count < 140, "about 96 arrivals in 2 days: \(all.count)")
        #expect(Set(all.map(\.name)).count == all.count)
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.arrival <= $1.arrival })
        let live = all.map { a in all.filter { $0.arrival <= a.arrival && $0.departure >= a.arrival }.count }
        #expect(ChurnProcess.peakLive(config, seed: Self.seed, duration: .days(2)) == live.max())
    }

    @Test func rowsAreReusedAndNoVMIsSeenOutsideItsLifetime() {
        var config = Self.churnCluster()
        config.actions = [ScheduledAction(at: .hours(20), action: .failHost(host: 1, repairAfter: .hours(1))),
                          ScheduledAction(at: .hours(30), action: .enterMaintenance(host: 0, duration: .hours(2)))]
        let settings = ModelBuilder.defaultSettings(seed: Self.seed, duration: .days(2), checkInvariants: true)
        let rec = CollectingRecorder()
        let rt = ClusterRuntime(config: config, settings: settings, recorder: rec)
        rt.start()
        rt.advance(until: settings.duration)
        _ = rt.finish()
        #expect(rt.violations.isEmpty, "\(rt.violations)")
        var process = ChurnProcess(config.churn[0], seed: Self.seed, duration: .days(2))
        var lifetime: [String: ChurnArrival] = [:]
        while process.nextArrival != nil { let a = process.arrive(); lifetime[a.name] = a }
        // Rows: 8 static + the peak, far fewer than the arrivals; rows were handed on.
        #expect(rt.vms.count < 8 + lifetime.count / 2)
        #expect(rt.churn.reuses > lifetime.count / 2)
        let churnMigrations = rec.migrations.filter { lifetime[$0.vm] != nil }
        #expect(!churnMigrations.isEmpty)
        for m in churnMigrations {
            let a = lifetime[m.vm]!
            #expect(m.requested >= a.arrival && m.finished <= a.departure, "\(m.vm): \(m.requested)–\(m.finished) outside \(a)")
        }
        let churnOutages = rec.outages.filter { lifetime[$0.vm] != nil }
        #expect(!churnOutages.isEmpty)
        for o in churnOutages {
            let a = lifetime[o.vm]!
            #expect(o.down >= a.arrival && o.down <= a.departure, "\(o.vm) failed at \(o.down) outside \(a)")
        }
    }

    /// Leaves a churn row with a VM that ran (reservations, history, HA restart pending, promised
    /// to a booting host), deletes it and hands the row to a new VM: the row must equal a fresh row.
    @Test func aReusedRowKeepsNothingOfItsPreviousVM() {
        let config = Self.churnCluster()
        let settings = ModelBuilder.defaultSettings(seed: Self.seed, duration: .days(1), checkInvariants: true)
        let rt = ClusterRuntime(config: config, settings: settings, recorder: CollectingRecorder())
        rt.start()
        // The first churn row once its first VM runs and has a few samples.
        let v = rt.churn.firstRow
        var t = SimTime.hours(1)
        while t < .hours(12) && !(rt.vms.host[v] != noIndex && rt.history.mean(v, samples: 3).cpuMHz > 0) {
            t = t + .minutes(5)
            rt.advance(until: t)
        }
        #expect(rt.vms.host[v] != noIndex, "the first churn VM ran")
        let stalePayload = rt.stampedPayload(v)
        rt.lifecycle.promised[0].append(Int32(v))
        rt.vmDeparts(v)
        #expect(rt.invariantViolations().isEmpty, "departure released everything")
        rt.resetVMSlot(v, name: "web-churn-9999", departure: nil)

        // A fresh row sampled at the same time under the same name.
        var fresh = VMTable(rt.config.vms)
        var sampler = WorkloadSampler(config: rt.config, settings: settings)
        fresh.resetSlot(v, name: "web-churn-9999", arrival: rt.simulation.now, departure: nil)
        sampler.startVM(v, name: "web-churn-9999", seed: settings.seed, at: rt.simulation.now, &fresh)
        #expect(rt.vms.configs[v].name == "web-churn-9999" && rt.vms.configs[v].arrival == rt.simulation.now)
        #expect(rt.vms.host[v] == noIndex && rt.vms.downReason[v] == .absent && !rt.vms.migrating[v])
        #expect(rt.vms.featureRank[v] == 0 && rt.vms.datastore[v] == rt.config.vms[v].datastore)
        for (name, column) in [("noise", \VMTable.noiseState), ("memory noise", \.memoryNoiseState),
                               ("cpu demand", \.cpuDemandMHz), ("cpu fraction", \.cpuDemandFraction),
                               ("served", \.cpuServedMHz), ("active", \.activeMemoryMB), ("consumed", \.consumedMemoryMB),
                               ("shared", \.sharedMB), ("ballooned", \.balloonedMB), ("compressed", \.compressedMB),
                               ("swapped", \.swappedMB), ("contention", \.contentionMB), ("stall", \.memoryStall),
                               ("memory demand", \.memoryDemandMB), ("dirty", \.dirtyRateMbps)] {
            #expect(rt.vms[keyPath: column][v] == fresh[keyPath: column][v], "\(name)")
        }
        #expect(rt.vms.burstEndUS[v] == fresh.burstEndUS[v] && rt.load.sampler.nextBurstUS[v] == sampler.nextBurstUS[v])
        #expect(rt.vms.cpuDemandMHz[v] > 0)
        // Demand history: only the new VM's first sample, in every window. The windows keep running
        // sums, so the variance of k equal samples is Σx²/k − (Σx/k)², a few ulps of x² rather than 0:
        // mean + 2 SD is x to within 2·√(8ε)·x ≈ 1e-7·x; a leftover sample of the previous VM is
        // off by far more.
        func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-6 * max(1, abs(b)) }
        for k in [1, 3] + rt.history.windows {
            let m = rt.history.meanPlusTwoSD(v, samples: k)
            #expect(close(m.cpuMHz, fresh.cpuDemandMHz[v]) && close(m.memoryMB, fresh.memoryDemandMB[v]),
                    "window \(k): \(m) vs \(fresh.cpuDemandMHz[v]), \(fresh.memoryDemandMB[v])")
        }
        #expect(rt.lifecycle.promised.allSatisfy { !$0.contains(Int32(v)) })
        #expect(rt.stampedVM(stalePayload) == nil && rt.stampedVM(rt.stampedPayload(v)) == v)
        #expect(rt.lifecycle.outageHost[v] == -1 && rt.lifecycle.downSince[v] == rt.simulation.now && rt.engine.sdpsSince[v] == .zero)
        #expect(rt.rules.rulesOfVM[v].isEmpty && !rt.rules.inAffinity[v])
        #expect(rt.invariantViolations().isEmpty)
    }
}
