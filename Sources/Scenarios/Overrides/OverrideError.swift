/// Why an override or a sweep axis could not be parsed or applied.
public struct OverrideError: Error, Equatable, Sendable {
    /// A one-line explanation.
    public let message: String
}
