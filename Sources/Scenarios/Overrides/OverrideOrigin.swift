/// Where an override came from, so that issues it causes point at it: a `--set` argument (file
/// `--set`, no line) or a sweep axis (the scenario file, the axis's line).
struct OverrideOrigin: Hashable, Sendable {
    /// `--set`, or the scenario file's name for a sweep axis.
    var file: String
    /// The axis key's line, for a sweep axis.
    var line: Int?
    /// The axis key's column, for a sweep axis.
    var column: Int?
    /// How the override is named in messages, e.g. `--set drs.threshold=9`.
    var label: String
}
