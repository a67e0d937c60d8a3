import Foundation

/// What a run left in its results folder.
struct RunFolderState {
    let out: URL
    let name: String

    var finalFolder: URL { out.appendingPathComponent(name) }
    var finalExists: Bool { FileManager.default.fileExists(atPath: finalFolder.path) }

    /// The temporary folder of the run by process `pid`.
    func partialFolder(pid: Int32) -> URL { out.appendingPathComponent(".\(name).partial-\(pid)") }

    /// The `manifest.json` of `folder` as a dictionary, or nil when absent or unreadable.
    static func manifest(in folder: URL) -> [String: Any]? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent("manifest.json").path) else { return nil }
        return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }

    /// Every `manifest.json` under `out` that says `completed: true`.
    func completeManifests() -> [String] {
        guard let walker = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil) else { return [] }
        var found: [String] = []
        for case let url as URL in walker where url.lastPathComponent == "manifest.json" {
            if let m = Self.manifest(in: url.deletingLastPathComponent()), m["completed"] as? Bool == true { found.append(url.path) }
        }
        return found
    }
}
