import Testing
@testable import Traces

@Test func placeholderBuilds() { #expect(Bool(true)) }
