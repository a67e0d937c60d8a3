/// A closed set of snake_case words in a scenario file (`fully_automated`, `anti_affinity`); an
/// unknown word is reported with the valid ones and the closest match.
public protocol SpecEnum: RawRepresentable, CaseIterable, Codable, Hashable, Sendable where RawValue == String {}

extension SpecEnum {
    /// The valid words, in declaration order.
    static var validNames: [String] { allCases.map(\.rawValue) }
}
