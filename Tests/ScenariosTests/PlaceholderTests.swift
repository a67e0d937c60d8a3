import Testing
@testable import Scenarios

@Test func placeholderBuilds() { #expect(Bool(true)) }
