import Foundation
import Yams

/// A scenario that loaded without issues: the spec with defaults filled, its resolved view, and
/// what sweeps need to derive configurations (the YAML document after `--set`, the folder that
/// relative paths resolve against).
///
/// `@unchecked Sendable`: Yams' `Node` is not marked `Sendable`, but the document is an immutable
/// value tree (its only reference type, `Anchor`, is immutable), so sharing it across sweep
/// workers is safe.
public struct LoadedScenario: @unchecked Sendable {
    /// The spec, defaults filled (clusters hold their effective settings).
    public let spec: ScenarioSpec
    /// Per-cluster effective settings and the expanded hosts and VMs.
    public let resolved: ResolvedScenario
    /// The YAML document after `--set` overrides (a sweep configuration adds its own on top).
    public let sourceNode: Node
    /// The scenario file's name as shown in messages.
    public let fileName: String
    /// The folder against which relative paths (traces) resolve.
    public let baseDirectory: URL
    /// The `--set` overrides applied, in order.
    public let overrides: [ScenarioOverride]
    /// The overrides with their resolved paths, for locating issues of derived configurations.
    let appliedOverrides: [AppliedOverride]

    init(spec: ScenarioSpec, sourceNode: Node, fileName: String, baseDirectory: URL,
         overrides: [ScenarioOverride], appliedOverrides: [AppliedOverride]) {
        self.spec = spec
        self.resolved = ResolvedScenario(spec: spec)
        self.sourceNode = sourceNode
        self.fileName = fileName
        self.baseDirectory = baseDirectory
        self.overrides = overrides
        self.appliedOverrides = appliedOverrides
    }

    /// The resolved spec as YAML (every default filled in, entities not expanded), for
    /// `scenario.resolved.yaml`. Loading it again gives the same spec.
    public func resolvedYAML() throws -> String {
        try spec.yamlText()
    }
}

extension ScenarioSpec {
    /// The spec as a YAML document, keys in schema order.
    public func yamlText() throws -> String {
        let header = "# drsim resolved scenario (schema_version 1): every default filled in\n"
        return header + (try Yams.serialize(node: NodeEncoder.node(for: self), indent: 2, width: -1, allowUnicode: true))
    }
}
