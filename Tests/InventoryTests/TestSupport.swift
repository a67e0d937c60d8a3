import Foundation

/// Fixture paths for the Inventory tests (found from this file's path: the test target declares
/// no resources). The CSVs are made by Fixtures/generate_fixtures.py.
enum TestSupport {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func fixture(_ path: String) -> URL {
        fixtures.appendingPathComponent(path)
    }
}
