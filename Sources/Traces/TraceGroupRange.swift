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
