import Foundation
import Yams

/// Loads scenario files (docs/scenario-format.md, docs/sweeps.md, docs/reliability.md): guards against
/// hostile input, parses YAML with line numbers, applies `--set` overrides to the document, reads it into a
/// ``ScenarioSpec`` and validates it, reporting every problem at once as ``ScenarioErrors``.
public enum ScenarioLoader {
    /// Loads the scenario file at `url` with `--set PATH=VALUE` overrides applied in order.
    /// Relative paths in the file resolve against the file's folder; messages name the file as
    /// given (`url.relativePath`).
    public static func load(contentsOf url: URL, overrides: [String] = []) throws(ScenarioErrors) -> LoadedScenario {
        let fileName = url.relativePath
        func fail(_ message: String) -> ScenarioErrors {
            ScenarioErrors(issues: [ValidationIssue(file: fileName, keyPath: SpecPath.root.description,
                                                    line: nil, column: nil, message: message)])
        }
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        guard let size = (attributes?[.size] as? NSNumber)?.intValue else { throw fail("cannot read the file") }
        guard size <= DocumentGuard.maximumBytes else {
            throw fail("the file is \(size.groupedDigits) bytes; the limit is \(DocumentGuard.maximumBytes.groupedDigits) (64 MiB)")
        }
        guard let data = FileManager.default.contents(atPath: url.path) else { throw fail("cannot read the file") }
        guard let text = String(data: data, encoding: .utf8) else { throw fail("the file is not UTF-8 text") }
        return try load(yaml: text, fileName: fileName, baseDirectory: url.deletingLastPathComponent(), overrides: overrides)
    }

    /// Loads a scenario from YAML text; `fileName` is used in messages, `baseDirectory` resolves
    /// relative paths.
    public static func load(yaml: String, fileName: String, baseDirectory: URL,
                            overrides: [String] = []) throws(ScenarioErrors) -> LoadedScenario {
        let root = try parse(yaml: yaml, fileName: fileName)
        var parsed: [ScenarioOverride] = []
        var assignments: [(OverridePath, Node, OverrideOrigin)] = []
        var issues: [ValidationIssue] = []
        for argument in overrides {
            switch ScenarioOverride.parse(argument).flatMap({ override in
                NodeEditor.valueNode(override.valueText).map { (override, $0) }
            }) {
            case .success(let (override, value)):
                parsed.append(override)
                assignments.append((override.path, value,
                                    OverrideOrigin(file: "--set", line: nil, column: nil, label: "--set \(override)")))
            case .failure(let error):
                issues.append(overrideIssue(error.message, argument: argument))
            }
        }
        guard issues.isEmpty else { throw ScenarioErrors(issues: issues) }
        return try build(root: root, assignments: assignments, base: [], fileName: fileName,
                         baseDirectory: baseDirectory, overrides: parsed, checkSweepAxes: true)
    }

    /// Guards, then composes the YAML document; any problem is one issue with its line.
    static func parse(yaml: String, fileName: String) throws(ScenarioErrors) -> Node {
        func fail(_ message: String, line: Int?, column: Int?) -> ScenarioErrors {
            ScenarioErrors(issues: [ValidationIssue(file: fileName, keyPath: SpecPath.root.description,
                                                    line: line, column: column, message: message)])
        }
        if let problem = DocumentGuard.check(text: yaml) {
            throw fail(problem.message, line: problem.line, column: problem.line == nil ? nil : 1)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let described = YAMLSyntaxIssue.describe(error)
            throw fail(described.message, line: described.line, column: described.column)
        } catch {
            throw fail("cannot read YAML: \(error)", line: nil, column: nil)
        }
        guard let root else { throw fail("the file is empty", line: nil, column: nil) }
        guard DocumentGuard.isWithinNodeLimit(root) else {
            throw fail("the document has more than \(DocumentGuard.maximumNodes.groupedDigits) nodes once aliases are "
                       + "expanded; refusing it", line: root.mark?.line, column: root.mark?.column)
        }
        return root
    }

    /// Applies `assignments` to `root` (after the already-applied `base` overrides), reads and
    /// validates; returns the loaded scenario or every issue.
    static func build(root: Node, assignments: [(OverridePath, Node, OverrideOrigin)], base: [AppliedOverride],
                      fileName: String, baseDirectory: URL, overrides: [ScenarioOverride],
                      checkSweepAxes: Bool) throws(ScenarioErrors) -> LoadedScenario {
        var document = root
        var applied = base
        var issues: [ValidationIssue] = []
        for (path, value, origin) in assignments {
            switch NodeEditor.apply(path, value: value, to: document) {
            case .success(let (edited, resolvedPath)):
                document = edited
                applied.append(AppliedOverride(path: resolvedPath, origin: origin))
            case .failure(let error):
                issues.append(ValidationIssue(file: origin.file, keyPath: path.text, line: origin.line,
                                              column: origin.column, message: "\(error.message) (from \(origin.label))"))
            }
        }
        guard issues.isEmpty else { throw ScenarioErrors(issues: issues) }
        let reporter = IssueReporter(file: fileName, root: document)
        reporter.overrides = applied
        let spec = read(document, reporter: reporter, baseDirectory: baseDirectory)
        if checkSweepAxes, let spec, let sweep = spec.sweep {
            let check = SweepAxisCheck(root: document, applied: applied, fileName: fileName, baseDirectory: baseDirectory)
            check.check(sweep.axes, origin: check.fileOrigin, into: reporter)
        }
        let found = reporter.issues
        guard let spec, found.isEmpty else { throw ScenarioErrors(issues: found) }
        return LoadedScenario(spec: spec, sourceNode: document, fileName: fileName, baseDirectory: baseDirectory,
                              overrides: overrides, appliedOverrides: applied)
    }

    /// Reads and validates a document into `reporter`; nil when the top level is not a mapping.
    static func read(_ document: Node, reporter: IssueReporter, baseDirectory: URL?) -> ScenarioSpec? {
        let rootReader = NodeReader(node: document, path: .root, reporter: reporter)
        guard case .mapping = document else {
            rootReader.report("a scenario is a mapping of keys (schema_version, name, duration, …), found "
                              + document.shortDescription)
            return nil
        }
        guard let spec = rootReader.mapping(ScenarioSpec.init(reading:)) else { return nil }
        SpecValidator(spec: spec, reporter: reporter, baseDirectory: baseDirectory).run()
        return spec
    }

    static func overrideIssue(_ message: String, argument: String) -> ValidationIssue {
        ValidationIssue(file: "--set", keyPath: argument, line: nil, column: nil, message: message)
    }
}
