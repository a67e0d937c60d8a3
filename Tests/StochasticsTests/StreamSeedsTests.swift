import Testing
@testable import Stochastics

/// Reference values were computed independently with a short Python script implementing
/// FNV-1a-64 and SplitMix64 from their published definitions.
@Suite struct StreamSeedsTests {
    @Test func fnv1a64MatchesPublishedVectors() {
        #expect(StreamSeeds.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(StreamSeeds.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(StreamSeeds.fnv1a64("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test func fnv1a64HashesUTF8Bytes() {
        // "é" precomposed (U+00E9) and decomposed (e + U+0301) are equal Strings in Swift but
        // different UTF-8 byte sequences; the hash follows the bytes, as documented.
        #expect(StreamSeeds.fnv1a64("\u{E9}") != StreamSeeds.fnv1a64("e\u{301}"))
    }

    @Test func splitMix64MatchesReferenceImplementation() {
        // First output of Vigna's splitmix64.c with state 0.
        #expect(StreamSeeds.splitMix64(0) == 0xe220_a839_7b1d_cdaf)
    }

    @Test func deriveIsStable() {
        #expect(StreamSeeds.derive(master: 1, name: "vm-0001") == 0x8436_ee18_86e3_e4ae)
        #expect(StreamSeeds.derive(master: 42, name: "drs") == 0x3c3e_2d26_2e95_c9b3)
        #expect(StreamSeeds.derive(master: 0, name: "") == 0x21fa_69a5_8f3d_62f5)
        #expect(StreamSeeds.derive(master: .max, name: "web-01/cpu") == 0x8843_d731_1100_c028)
    }

    @Test func deriveDiffersByName() {
        let names = (0..<1_000).map { "vm-\($0)" }
        let seeds = names.map { StreamSeeds.derive(master: 7, name: $0) }
        #expect(Set(seeds).count == names.count)
    }

    @Test func deriveDiffersByMaster() {
        // Replication k uses master seed + k (docs/sweeps.md): consecutive masters must not collide.
        let seeds = (UInt64(0)..<1_000).map { StreamSeeds.derive(master: $0, name: "vm-1") }
        #expect(Set(seeds).count == seeds.count)
        #expect(StreamSeeds.derive(master: 1, name: "a") != StreamSeeds.derive(master: 2, name: "a"))
    }
}
