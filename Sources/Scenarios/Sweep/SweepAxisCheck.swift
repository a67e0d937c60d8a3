import Foundation
import Yams

/// Checks that each sweep axis names a key of the schema and that each of its values is valid,
/// by applying the axis value to the document and reading and validating the result (docs/reliability.md: "a
/// sweep axis that names no key" is an error with the axis's line). Only the issues that the axis
/// itself causes are kept; an axis whose first value fails is not tried further.
struct SweepAxisCheck {
    let root: Node
    let applied: [AppliedOverride]
    let fileName: String
    let baseDirectory: URL

    /// Adds to `reporter` the issues caused by `axes`; `origin` tells where each axis was written.
    func check(_ axes: [SweepAxisSpec], origin: (SweepAxisSpec, ScalarValue) -> OverrideOrigin,
               into reporter: IssueReporter) {
        for axis in axes {
            guard case .success(let path) = OverridePath.parse(axis.path),
                  path.steps.first != "sweep", path.steps.first != "schema_version" else { continue }
            let axisPath = SpecPath.root.key("sweep").key("axes").key(axis.path)
            for (position, value) in axis.values.enumerated() {
                let found = trial(path, value: value, origin: origin(axis, value))
                for (issuePath, issue) in found { reporter.record(issue, at: issuePath ?? axisPath) }
                if !found.isEmpty, position == 0 { break }
            }
        }
    }

    /// The origin of an axis written in the `sweep.axes` mapping: the axis key's line.
    func fileOrigin(_ axis: SweepAxisSpec, _ value: ScalarValue) -> OverrideOrigin {
        let axes = root.value(forKey: "sweep")?.value(forKey: "axes")
        let mark = axes?.flattenedPairs().first { $0.name == axis.path }?.key.mark
        return OverrideOrigin(file: fileName, line: mark?.line, column: mark?.column,
                              label: "sweep axis \(axis.path)=\(value.text)")
    }

    /// The issues attributed to one axis value applied alone (a nil path: the axis itself).
    private func trial(_ path: OverridePath, value: ScalarValue, origin: OverrideOrigin) -> [(SpecPath?, ValidationIssue)] {
        switch NodeEditor.apply(path, value: NodeEditor.valueNode(value), to: root) {
        case .failure(let error):
            let issue = ValidationIssue(file: origin.file, keyPath: "sweep.axes[\"\(path.text)\"]", line: origin.line,
                                        column: origin.column, message: "\(error.message) (from \(origin.label))")
            return [(nil, issue)]
        case .success(let (document, resolvedPath)):
            let reporter = IssueReporter(file: fileName, root: document)
            reporter.overrides = applied + [AppliedOverride(path: resolvedPath, origin: origin)]
            _ = ScenarioLoader.read(document, reporter: reporter, baseDirectory: baseDirectory)
            let axisIndex = reporter.overrides.count - 1
            return reporter.entries.filter { $0.overrideIndex == axisIndex }.map { ($0.path, $0.issue) }
        }
    }
}
