/// Bad command-line input that is not a scenario problem (a shard spec, a missing folder):
/// reported with exit code 2 before anything runs.
public struct InputError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
