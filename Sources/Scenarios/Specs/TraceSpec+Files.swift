import Foundation

extension TraceSpec {
    /// The trace's file or folder; a relative `path` resolves against `baseDirectory` (the
    /// scenario file's folder).
    public func location(relativeTo baseDirectory: URL) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : baseDirectory.appendingPathComponent(path)
    }

    /// The trace files in the order VMs take them: for a folder, its visible regular files sorted by
    /// name (only `.csv` files for format `csv`); for a single file, that file. VM number k (0-based,
    /// in scenario order among the VMs of the profile) replays `files[start_index + k]` (a single
    /// csv file is shared by all). Empty when nothing is there.
    public func files(relativeTo baseDirectory: URL) -> [URL] {
        let url = location(relativeTo: baseDirectory)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { return [url] }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { name in
            guard !name.hasPrefix(".") else { return false }
            if format == .csv, !name.lowercased().hasSuffix(".csv") { return false }
            var entryIsDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: url.appendingPathComponent(name).path,
                                                        isDirectory: &entryIsDirectory)
            return exists && !entryIsDirectory.boolValue
        }.sorted().map { url.appendingPathComponent($0) }
    }
}
