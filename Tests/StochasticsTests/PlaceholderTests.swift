import Testing
@testable import Stochastics

@Test func placeholderBuilds() { #expect(Bool(true)) }
