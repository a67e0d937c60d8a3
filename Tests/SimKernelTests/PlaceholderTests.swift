import Testing
@testable import SimKernel

@Test func placeholderBuilds() { #expect(Bool(true)) }
