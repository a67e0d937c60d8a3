/// A model invariant broke under `--check-invariants`; the run stops and reports it.
public struct InvariantViolation: Error, CustomStringConvertible {
    public let cluster: String
    public let violations: [String]
    public var description: String {
        "invariant violated in cluster \(cluster):\n" + violations.map { "  " + $0 }.joined(separator: "\n")
    }
}
