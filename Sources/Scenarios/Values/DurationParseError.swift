/// Why a duration string was refused; ``message`` is shown to the user.
public struct DurationParseError: Error, Equatable, Sendable {
    /// A one-line explanation, with a hint where one helps.
    public let message: String
}
