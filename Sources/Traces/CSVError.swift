/// A CSV file that cannot be tokenized (unreadable, unterminated quote, no header).
public struct CSVError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The file path as given.
    public let file: String
    /// The 1-based physical line of the problem, or `nil` for the whole file.
    public let line: Int?
    /// What is wrong.
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
