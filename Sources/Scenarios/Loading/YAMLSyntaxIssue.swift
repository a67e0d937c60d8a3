import Yams

/// Turns a Yams error into one line of text and the position Yams reported.
enum YAMLSyntaxIssue {
    /// The message, line and column of `error`.
    static func describe(_ error: YamlError) -> (message: String, line: Int?, column: Int?) {
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            var message = "YAML syntax error: \(problem)"
            if let context {
                message += " (\(context.text) at line \(context.mark.line), column \(context.mark.column))"
            }
            return (message, mark.line, mark.column)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ("duplicate key \(keys) in one mapping (each key may appear once)", context.mark.line, context.mark.column)
        case .reader(let problem, _, _, _):
            return ("cannot read the text: \(problem)", nil, nil)
        default:
            return ("YAML error: \(error)", nil, nil)
        }
    }
}
