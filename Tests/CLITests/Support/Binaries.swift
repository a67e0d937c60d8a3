import Foundation

/// Locates the executables that `swift build --build-tests` builds next to the test bundle.
enum Binaries {
    /// The package root (this file is Tests/CLITests/Support/Binaries.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `drsim` tool.
    static var drsim: URL { locate("drsim") }
    /// The built fuzz-harness replay tool.
    static var fuzzReplay: URL { locate("drsim-fuzz") }

    /// `name` in the folder of the running test bundle (`.build/<triple>/debug/`), else in
    /// `<package>/.build/debug/`.
    static func locate(_ name: String) -> URL {
        let bundleFolder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [bundleFolder.appendingPathComponent(name),
                          packageRoot.appendingPathComponent(".build/debug").appendingPathComponent(name)]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[1]
    }
}
