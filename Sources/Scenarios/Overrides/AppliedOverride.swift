/// An override after it was applied: the key path it changed, with list elements as indices.
struct AppliedOverride: Hashable, Sendable {
    /// The changed value's path in the document (`clusters[0].dpm.enabled`).
    var path: SpecPath
    /// Where the override came from.
    var origin: OverrideOrigin
}
