import Testing
@testable import ClusterModel

@Test func placeholderBuilds() { #expect(Bool(true)) }
