/// The console text of `drsim plan` results.
public enum PlanReport {
    public static func text(_ result: RunwayResult) -> String { RunwayTables(result: result).text() }
    public static func text(_ result: SizeResult) -> String { SizeTables(result: result).text() }
}
