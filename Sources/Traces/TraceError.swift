/// A trace file that cannot be read: names the file, the 1-based line when known, and what is wrong.
///
/// Every reader in this module throws this type, so a scenario loader can report a bad trace the
/// same way whatever its format.
public struct TraceError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file (or folder) path as given.
    public let file: String
    /// The 1-based line of the problem, or `nil` when it concerns the whole file or folder.
    public let line: Int?
    /// What is wrong, in words a user can act on.
    public let message: String

    public init(file: String, line: Int?, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}

/// A CSV file that cannot be tokenized (unreadable, unterminated quote, no header): the same
/// file-and-line report as every other trace reader error.
public typealias CSVError = TraceError
