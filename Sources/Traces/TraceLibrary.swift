import Foundation

/// Loads the traces of VM groups and keeps every file it has parsed, so a trace is read once per
/// library however many groups, runs or replications replay it.
///
/// Thread-safe: the parallel runs of a sweep can share one library. Paths are used as given
/// (resolve relative `path`s against the scenario file's folder first) and standardized as keys.
public final class TraceLibrary: @unchecked Sendable {
    private let lock = NSLock()
    private var filesByFolder: [String: [URL]] = [:]
    private var singleTraces: [String: UtilizationTrace] = [:]
    private var multiTraces: [String: [UtilizationTrace]] = [:]

    public init() {}

    /// The traces of VMs `0..<count` of a group (`workload: {trace: {format, path, start_index}}`).
    ///
    /// - `planetlab`: `path` is a folder; VM k replays file `startIndex + k` in sorted name order
    ///   (``PlanetLabReader/sortedFiles(in:)``).
    /// - `csv`: `path` is a folder of one-VM files (same rule), or one file with a `vm` column
    ///   (VM k replays the `startIndex + k`-th VM in order of first appearance), or one file
    ///   holding a single trace, which every VM of the group replays (`startIndex` must be 0).
    ///
    /// Too few traces for the group is an error that says how many there are.
    public func traces(format: TraceFormat, path: URL, startIndex: Int, count: Int) throws -> [UtilizationTrace] {
        let key = path.standardizedFileURL.path
        switch format {
        case .planetlab:
            let files = try folderFiles(key, path)
            let range = try TraceGroupRange(startIndex: startIndex, count: count, available: files.count,
                                            what: "files", file: path.path).range
            return try files[range].map { try single($0) { try PlanetLabReader.read($0) } }
        case .csv:
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: path.path, isDirectory: &isFolder), isFolder.boolValue {
                let files = try folderFiles(key, path)
                let range = try TraceGroupRange(startIndex: startIndex, count: count, available: files.count,
                                                what: "files", file: path.path).range
                return try files[range].map { try single($0) { try CSVTraceReader.read(file: $0) } }
            }
            let traces = try multi(key, path)
            if traces.count == 1, startIndex == 0 { return Array(repeating: traces[0], count: count) }
            let range = try TraceGroupRange(startIndex: startIndex, count: count, available: traces.count,
                                            what: "VMs in the vm column", file: path.path).range
            return Array(traces[range])
        }
    }

    /// How many files this library has parsed so far (for tests and diagnostics).
    public var parsedFileCount: Int {
        lock.withLock { singleTraces.count + multiTraces.count }
    }

    private func folderFiles(_ key: String, _ folder: URL) throws -> [URL] {
        if let files = lock.withLock({ filesByFolder[key] }) { return files }
        let files = try PlanetLabReader.sortedFiles(in: folder)
        lock.withLock { filesByFolder[key] = files }
        return files
    }

    private func single(_ file: URL, _ read: (URL) throws -> UtilizationTrace) throws -> UtilizationTrace {
        let key = file.standardizedFileURL.path
        if let trace = lock.withLock({ singleTraces[key] }) { return trace }
        let trace = try read(file)
        lock.withLock { singleTraces[key] = trace }
        return trace
    }

    private func multi(_ key: String, _ file: URL) throws -> [UtilizationTrace] {
        if let traces = lock.withLock({ multiTraces[key] }) { return traces }
        let traces = try CSVTraceReader.readMulti(file: file).map(\.trace)
        lock.withLock { multiTraces[key] = traces }
        return traces
    }
}

/// Which traces of a folder or file a VM group replays: `start_index ..< start_index + count`,
/// checked against how many are available.
struct TraceGroupRange {
    let range: Range<Int>

    init(startIndex: Int, count: Int, available: Int, what: String, file: String) throws {
        guard startIndex >= 0 else {
            throw TraceError(file: file, line: nil, message: "start_index must be ≥ 0 (got \(startIndex))")
        }
        guard count >= 0, startIndex + count <= available else {
            throw TraceError(file: file, line: nil,
                             message: "too few traces: \(count) VMs from start_index \(startIndex) need "
                                 + "\(startIndex + count) \(what), there are \(available)")
        }
        range = startIndex..<(startIndex + count)
    }
}
