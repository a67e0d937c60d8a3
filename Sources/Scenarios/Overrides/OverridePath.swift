/// The key path of a `--set` override or a sweep axis (docs/sweeps.md): keys joined by `.`, e.g.
/// `drs.threshold`, `clusters.prod-a.dpm.enabled`, `vm_profiles.web.workload.cpu.mean`.
///
/// A step into a list selects the element whose `name` is the step (for host and VM entries
/// without a `name`, their `profile`), or the element at a 0-based index when the step is a number.
/// A step containing dots is written in brackets or quotes: `clusters[prod.a].dpm.enabled`,
/// `clusters."prod.a".dpm.enabled`.
public struct OverridePath: Hashable, Sendable, CustomStringConvertible {
    /// The steps, without brackets or quotes.
    public var steps: [String]
    /// The path as written.
    public var text: String

    /// Parses a path; nil with a message for an empty path, an empty step or an unclosed bracket/quote.
    public static func parse(_ text: String) -> Result<OverridePath, OverrideError> {
        var steps: [String] = []
        var current = ""
        var characters = Substring(text.trimmingWhitespace())
        var stepStarted = false
        func fail(_ message: String) -> Result<OverridePath, OverrideError> {
            .failure(OverrideError(message: "bad key path '\(text)': \(message)"))
        }
        while let character = characters.first {
            characters = characters.dropFirst()
            switch character {
            case ".":
                guard stepStarted else { return fail("empty step") }
                steps.append(current)
                current = ""
                stepStarted = false
            case "[", "\"", "'":
                let closing: Character = character == "[" ? "]" : character
                guard let end = characters.firstIndex(of: closing) else { return fail("unclosed \(character)") }
                guard current.isEmpty || character == "[" else { return fail("quote inside a step") }
                if character == "[", stepStarted {
                    steps.append(current)
                    current = ""
                }
                current = String(characters[..<end])
                stepStarted = true
                characters = characters[characters.index(after: end)...]
                if let next = characters.first, next != ".", next != "[" { return fail("expected '.' after \(closing)") }
            default:
                current.append(character)
                stepStarted = true
            }
        }
        guard stepStarted else { return fail(steps.isEmpty ? "empty path" : "empty step") }
        steps.append(current)
        guard !steps.contains(where: \.isEmpty) else { return fail("empty step") }
        return .success(OverridePath(steps: steps, text: text.trimmingWhitespace()))
    }

    /// The path as written.
    public var description: String { text }
}
