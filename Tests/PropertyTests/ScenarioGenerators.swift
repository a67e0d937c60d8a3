import PropertyBased

/// Clusters lean homogeneous (most hosts share a CPU generation, both datastores and both
/// networks) and events lean towards manual migrations, so that migrations — and aborts when a
/// following event takes their destination away — are common rather than mostly rejected.
///
/// Generators of ``RandomScenario`` values: 1–6 hosts, 0–24 VMs, two workload profiles,
/// up to 8 events (some chained seconds apart), 3 rules, one rolling patch window, random DRS/DPM/HA/failure settings, and
/// 6–36 simulated hours. Built from the library's shrinkable generators, so a failing scenario
/// shrinks towards fewer hosts, VMs, events and rules and smaller numbers.
enum ScenarioGenerators {
    static let host = zip(
        Gen.int(in: 2...32), Gen.int(in: 48...512), Gen.element(of: [1, 10, 25]).map { $0 ?? 10 },
        Gen.bool(0.15), Gen.int(in: 0...9).map { $0 < 7 ? 10 : $0 }, Gen.int(in: 0...5).map { min($0, 3) },
        Gen.int(in: 0...5).map { min($0, 3) },
        Gen.bool(0.92), Gen.int(in: 0...9), Gen.bool(0.3)
    ).map { t in
        RandomHost(cores: t.0, memoryGB: t.1, nicGbps: t.2, amd: t.3, generation: t.4, datastoreMask: t.5,
                   networkMask: t.6, vmkernel: t.7, initial: t.8, specPower: t.9)
    }

    static let vm = zip(
        Gen.int(in: 1...8), Gen.int(in: 1...32), Gen.int(in: 0...1), Gen.int(in: 0...1), Gen.int(in: 0...1),
        Gen.element(of: [0, 0, 0, 10, 50]).map { $0 ?? 0 }
    ).map { t in
        RandomVM(vcpus: t.0, memoryGB: t.1, datastore: t.2, network: t.3, profile: t.4, reservationPercent: t.5)
    }

    static let profile = zip(
        Gen.double(in: 0.02...0.95), Gen.double(in: 0...0.6), Gen.double(in: 0...0.5), Gen.double(in: 0...4),
        Gen.double(in: 0...4_000), Gen.double(in: 0.02...0.6), Gen.double(in: 0...0.2)
    ).map { t in
        RandomProfile(cpuMean: t.0, diurnalAmplitude: t.1, noiseSigma: t.2, burstsPerDay: t.3, dirtyRateMbps: t.4,
                      wwsFraction: t.5, growthPerMonth: t.6)
    }

    static let event = zip(
        Gen.int(in: 0...9).map { max(0, $0 - 3) }, Gen.int(in: 0...2_160), Gen.int(in: 0...90), Gen.bool(0.4), Gen.int(in: 0...5),
        Gen.int(in: 0...23), Gen.int(in: 1...600).optional(valueRate: 0.5)
    ).map { t in RandomEvent(kind: t.0, minute: t.1, second: t.2, follows: t.3, host: t.4, vm: t.5, minutes: t.6) }

    static let rule = zip(
        Gen.int(in: 0...2), Gen.bool, Gen.bool, Gen.int(in: 0...0xFF_FFFF), Gen.int(in: 0...63)
    ).map { t in RandomRule(kind: t.0, must: t.1, runOn: t.2, vmMask: t.3, hostMask: t.4) }

    static let window = zip(
        Gen.int(in: 0...2_160), Gen.int(in: 1...2), Gen.int(in: 5...120), Gen.int(in: 1...63)
    ).map { t in RandomWindow(startMinute: t.0, hostsAtOnce: t.1, patchMinutes: t.2, hostMask: t.3) }

    static let policy = zip(
        zip(Gen.bool(0.8), Gen.int(in: 1...5), Gen.int(in: 0...2), Gen.bool(0.5), Gen.int(in: 1...5), Gen.int(in: 1...2)),
        zip(Gen.bool(0.5), Gen.bool, Gen.int(in: 2...48).optional(valueRate: 0.4), Gen.int(in: 5...480)),
        zip(Gen.bool(0.8), Gen.bool(0.1), window.optional(valueRate: 0.4))
    ).map { a, b, c in
        RandomPolicy(drs: a.0, drsThreshold: a.1, drsAutomation: a.2, dpm: a.3, dpmThreshold: a.4, minHostsOn: a.5,
                     ha: b.0, admissionControl: b.1, mtbfHours: b.2, repairMinutes: b.3,
                     sdps: c.0, oldVSphere: c.1, window: c.2)
    }

    static let scenario = zip(
        Gen.uint64(in: 1...UInt64.max), Gen.int(in: 6...36), host.array(of: 1...6), vm.array(of: 0...24),
        profile.array(of: 2), event.array(of: 0...8), rule.array(of: 0...3), policy
    ).map { t in
        RandomScenario(seed: t.0, hours: t.1, hosts: t.2, vms: t.3, profiles: t.4, events: t.5, rules: t.6, policy: t.7)
    }
}
