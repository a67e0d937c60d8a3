extension SweepPlan {
    /// Builds the plan of `loaded`'s `sweep:` block plus `extraAxes` (`PATH=V1,V2,...` arguments).
    /// A scenario without `sweep:` gives one configuration per command-line axis point (or a
    /// single `base` configuration) with one replication. Extra axes are checked like file axes.
    ///
    /// `baselineArguments` (`--baseline PATH=VALUE[,PATH=VALUE...]`) replace the file's
    /// `sweep.baseline` for the paths they name; each must name an axis and one of its values.
    public static func make(from loaded: LoadedScenario, extraAxes: [String] = [],
                            baselineArguments: [String] = []) throws(ScenarioErrors) -> SweepPlan {
        let sweep = loaded.spec.sweep ?? SweepSpec(axes: [])
        let check = SweepAxisCheck(root: loaded.sourceNode, applied: loaded.appliedOverrides,
                                   fileName: loaded.fileName, baseDirectory: loaded.baseDirectory)
        var axes = sweep.axes
        var origins = axes.map { check.fileOrigin($0, $0.values.first ?? ScalarValue("")) }
        var issues: [ValidationIssue] = []
        var commandLineAxes: [SweepAxisSpec] = []
        for argument in extraAxes {
            switch parseAxis(argument) {
            case .failure(let error):
                issues.append(ScenarioLoader.overrideIssue(error.message, argument: argument))
            case .success(let axis):
                commandLineAxes.append(axis)
                let origin = OverrideOrigin(file: "--set", line: nil, column: nil, label: "--set \(argument)")
                if let existing = axes.firstIndex(where: { samePath($0.path, axis.path) }) {
                    axes[existing].values = axis.values
                    origins[existing] = origin
                } else {
                    axes.append(axis)
                    origins.append(origin)
                }
            }
        }
        guard issues.isEmpty else { throw ScenarioErrors(issues: issues) }
        let reporter = IssueReporter(file: loaded.fileName, root: loaded.sourceNode)
        check.check(commandLineAxes, origin: { axis, value in
            OverrideOrigin(file: "--set", line: nil, column: nil, label: "--set \(axis.path)=\(value.text)")
        }, into: reporter)
        var runs = max(1, sweep.replications)
        var overflow = false
        for axis in axes {
            let (product, over) = runs.multipliedReportingOverflow(by: max(1, axis.values.count))
            runs = product
            overflow = overflow || over
        }
        if overflow || runs > SpecValidator.maximumSweepRuns {
            reporter.report("the sweep has more than \(SpecValidator.maximumSweepRuns.groupedDigits) runs",
                            at: SpecPath.root.key("sweep"))
        }
        var baseline = sweep.baseline
        for argument in baselineArguments {
            for piece in argument.split(separator: ",").map(String.init) {
                let issue = { (message: String) in
                    ValidationIssue(file: "--baseline", keyPath: "sweep.baseline", line: nil, column: nil,
                                    message: message + " (from --baseline \(argument))")
                }
                guard case .success(let override) = ScenarioOverride.parse(piece) else {
                    issues.append(issue("expected PATH=VALUE, got '\(piece)'"))
                    continue
                }
                let value = ScalarValue(override.valueText.trimmingWhitespace())
                guard let axis = axes.first(where: { samePath($0.path, override.path.text) }) else {
                    issues.append(issue("'\(override.path.text)' is not an axis of the sweep (axes: "
                                        + "\(axes.isEmpty ? "none" : axes.map(\.path).joined(separator: ", ")))"))
                    continue
                }
                guard axis.values.contains(where: { $0.comparisonKey == value.comparisonKey }) else {
                    issues.append(issue("'\(value.text)' is not one of axis '\(axis.path)' values "
                                        + "(\(axis.values.map(\.text).joined(separator: ", ")))"))
                    continue
                }
                baseline.removeAll { samePath($0.path, axis.path) }
                baseline.append(AssignmentSpec(path: axis.path, value: value))
            }
        }
        let found = reporter.issues + issues
        guard found.isEmpty else { throw ScenarioErrors(issues: found) }
        return SweepPlan(base: loaded, axes: axes, origins: origins, replications: max(1, sweep.replications),
                         baseline: baseline)
    }

    /// Parses `PATH=V1,V2,...` into an axis (values read as YAML scalars).
    static func parseAxis(_ argument: String) -> Result<SweepAxisSpec, OverrideError> {
        ScenarioOverride.parse(argument).flatMap { override in
            var values: [ScalarValue] = []
            for text in ScenarioOverride.splitValues(override.valueText) {
                guard !text.isEmpty else { return .failure(OverrideError(message: "empty value in '\(argument)'")) }
                switch NodeEditor.valueNode(text) {
                case .success(.scalar(let scalar)):
                    values.append(ScalarValue(scalar.string, quoted: scalar.style == .singleQuoted || scalar.style == .doubleQuoted))
                case .success:
                    return .failure(OverrideError(message: "sweep values must be single values, '\(text)' is not"))
                case .failure(let error):
                    return .failure(error)
                }
            }
            return .success(SweepAxisSpec(path: override.path.text, values: values))
        }
    }

    /// The cartesian product of `axes`, first axis slowest, with ids and slugs.
    static func product(of axes: [SweepAxisSpec]) -> [SweepConfiguration] {
        var points: [[AssignmentSpec]] = [[]]
        for axis in axes {
            points = points.flatMap { prefix in axis.values.map { prefix + [AssignmentSpec(path: axis.path, value: $0)] } }
        }
        let width = max(3, EntityNaming.digits(points.count - 1))
        return points.enumerated().map { index, assignments in
            let id = assignments.isEmpty ? "base" : assignments.map(\.description).joined(separator: ",")
            let body = assignments.isEmpty ? "base"
                : assignments.map { safe($0.path) + "-" + safe($0.value.text) }.joined(separator: "_")
            let slug = String(("c" + EntityNaming.padded(index, width: width) + "-" + body).prefix(120))
            return SweepConfiguration(index: index, id: id, slug: slug, assignments: assignments)
        }
    }

    /// `text` with every character other than ASCII letters, digits, `.`, `+`, `-` and `_` made `_`.
    static func safe(_ text: String) -> String {
        String(text.map { character -> Character in
            character.isASCII && (character.isLetter || character.isNumber || ".+-_".contains(character)) ? character : "_"
        })
    }
}
