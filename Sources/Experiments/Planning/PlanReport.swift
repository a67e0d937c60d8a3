/// The console text of `drsim plan` results.
public enum PlanReport {
    public static func text(_ result: RunwayResult) -> String { RunwayTables(result: result).text() }
    public static func text(_ result: SizeResult) -> String { SizeTables(result: result).text() }
}

/// Number formatting of the plan tables (CSV cells and the console).
enum PlanFormat {
    /// A CSV cell: at most 6 decimals, empty for nil or non-finite.
    static func cell(_ x: Double?) -> String {
        guard let x, x.isFinite else { return "" }
        return CSVNumber.format(x, decimals: 6)
    }

    /// A number as written in a service level (`1`, `0.5`).
    static func number(_ x: Double) -> String { CSVNumber.format(x, decimals: 6) }

    /// A console number with `decimals` decimals, `-` for nil.
    static func short(_ x: Double?, _ decimals: Int = 1) -> String {
        guard let x, x.isFinite else { return "-" }
        return CSVNumber.format(x, decimals: decimals)
    }
}
