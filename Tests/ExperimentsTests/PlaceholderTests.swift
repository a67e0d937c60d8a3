import Testing
@testable import Experiments

@Test func placeholderBuilds() { #expect(Bool(true)) }
