import Testing
@testable import Inventory

@Test func placeholderBuilds() { #expect(Bool(true)) }
