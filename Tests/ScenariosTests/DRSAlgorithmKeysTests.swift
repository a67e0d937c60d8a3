import Testing
@testable import Scenarios

/// `vsphere_version` at the top level (the default of every cluster), `drs.algorithm` and
/// `drs.scalable_shares`: defaults, inheritance, `--set`, and bad values with their key paths.
@Suite struct DRSAlgorithmKeysTests {
    static let twoClusters = Fixture.minimal + """
      - name: prod-b
        vsphere_version: "6.5"
        drs: {algorithm: score, scalable_shares: true}
        hosts: [{profile: r650, count: 2}]
        vms: [{profile: web, count: 4}]

    """

    @Test func defaultsAndInheritance() throws {
        let plain = try #require(Fixture.loaded(Self.twoClusters))
        #expect(plain.spec.vsphereVersion == "6.7")
        #expect(plain.spec.clusters.map(\.vsphereVersion) == ["6.7", "6.5"])
        #expect(plain.spec.clusters.map(\.drs.algorithm) == [.auto, .score])
        #expect(plain.spec.clusters.map(\.drs.scalableShares) == [false, true])
        let top = try #require(Fixture.loaded(Fixture.replacing("duration: 1d\n", with: "duration: 1d\nvsphere_version: \"8.0\"\n",
                                                                in: Self.twoClusters)))
        #expect(top.spec.clusters.map(\.vsphereVersion) == ["8.0", "6.5"])   // the cluster's own key wins
        let set = try #require(Fixture.loaded(Self.twoClusters, overrides: ["vsphere_version=8.0", "drs.algorithm=classic"]))
        #expect(set.spec.clusters.map(\.vsphereVersion) == ["8.0", "6.5"])
        #expect(set.spec.clusters.map(\.drs.algorithm) == [.classic, .score])
    }

    @Test func badValuesNameTheirKeys() {
        let version = Fixture.issues(Fixture.replacing("duration: 1d\n", with: "duration: 1d\nvsphere_version: seven\n"))
        #expect(version.count == 1)
        #expect(version.first?.message.contains("vsphere_version must look like 6.7") == true, "\(version)")
        #expect(version.first?.keyPath == "vsphere_version", "\(version)")
        let algorithm = Fixture.issues(Fixture.minimal, overrides: ["drs.algorithm=newest"])
        #expect(algorithm.count == 1)
        #expect(algorithm.first?.message.contains("auto") == true && algorithm.first?.message.contains("score") == true, "\(algorithm)")
    }
}
