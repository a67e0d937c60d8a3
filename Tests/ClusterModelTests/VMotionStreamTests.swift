import ClusterModel
import SimKernel
import Testing

/// vMotion streams by vSphere version (issue 14, item 6; docs/model.md "vMotion"): before 7.0 U2 one
/// stream (~15 Gbit/s) per vMotion vmknic caps a migration; from 7.0 U2 streams follow the link.
/// The CPU reservation is at most one core per stream.
@Suite struct VMotionStreamTests {
    /// One 16 GiB idle VM moved between two hosts on `gbps` links; returns the migration's average
    /// rate (Mbit/s; the average includes the switchover, within 2 % of the copy rate) and the source's vMotion CPU reservation while it copies (cores).
    func move(gbps: Double, vmknics: Int, version: (Int, Int, Int)) throws -> (rate: Double, cores: Double) {
        let lab = MigrationLab(hosts: 2, gbps: gbps) { c in
            c.vsphereVersion = (version.0, version.1)
            c.vsphereVersionPatch = version.2
            for h in c.hosts.indices { c.hosts[h].vmotionVMknics = vmknics }
        }
        let s = lab.hostOf(0)
        #expect(lab.runtime.requestMigration(vm: 0, to: lab.otherHost(0), reason: .manual) == .none)
        lab.runtime.advance(until: .seconds(1))
        let cores = lab.runtime.hosts.vmotionOverheadMHz[s] / lab.runtime.hosts.configs[s].coreMHz
        lab.run(until: .minutes(10))
        let m = try #require(lab.recorder.migrations.first)
        #expect(m.outcome == .ok)
        return (m.bandwidthMbpsAverage, cores)
    }

    @Test func oneStreamPerVMknicBefore70U2() throws {
        // 40 GbE (36 Gbit/s usable): 1 vmknic → 15 Gbit/s, 3 → the link (facts-2 §7.2 measured 18/28/36).
        let one = try move(gbps: 40, vmknics: 1, version: (6, 7, 0))
        let three = try move(gbps: 40, vmknics: 3, version: (6, 7, 0))
        #expect(abs(one.rate - 15_000) < 300, "1 vmknic: \(one.rate) Mbit/s")
        #expect(abs(three.rate - 36_000) < 720, "3 vmknics: \(three.rate) Mbit/s")
        // 10 GbE is below one stream: unchanged at 9 Gbit/s.
        let ten = try move(gbps: 10, vmknics: 1, version: (6, 7, 0))
        #expect(abs(ten.rate - 9_000) < 180, "10 GbE: \(ten.rate) Mbit/s")
    }

    @Test func streamsFollowTheLinkFrom70U2() throws {
        let u1 = try move(gbps: 40, vmknics: 1, version: (7, 0, 1))
        let u2 = try move(gbps: 40, vmknics: 1, version: (7, 0, 2))
        #expect(abs(u1.rate - 15_000) < 300, "7.0 U1: \(u1.rate) Mbit/s")
        #expect(abs(u2.rate - 36_000) < 720, "7.0 U2: \(u2.rate) Mbit/s")
    }

    @Test func cpuReservationIsAtMostOneCorePerStream() throws {
        // 100 GbE: 10 % of a core per GbE would be 10 cores; one stream uses 1, 7.0 U2's 7 streams 7.
        let old = try move(gbps: 100, vmknics: 1, version: (6, 7, 0))
        let new = try move(gbps: 100, vmknics: 1, version: (8, 0, 0))
        let ten = try move(gbps: 10, vmknics: 1, version: (8, 0, 0))
        #expect(abs(old.cores - 1) < 1e-9, "6.7, 100 GbE: \(old.cores) cores")
        #expect(abs(new.cores - 7) < 1e-9, "8.0, 100 GbE: \(new.cores) cores")
        #expect(abs(ten.cores - 1) < 1e-9, "8.0, 10 GbE: \(ten.cores) cores")
    }
}
