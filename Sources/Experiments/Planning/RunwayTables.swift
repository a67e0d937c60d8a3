import Foundation
import Stochastics

/// The files and the console table of `drsim plan runway`: `runway.csv`, `runway_months.csv`
/// (demand vs capacity, energy and cost by month) and `runway_slos.csv` (each service level by month).
struct RunwayTables {
    let result: RunwayResult

    func runwayCSV() -> String {
        var text = PlanCSV.header(OutputColumns.runway)
        for row in result.rows {
            let breached = row.breachMonths.compactMap { $0 }.map(Double.init)
            let ci = Statistics.confidenceInterval(breached)
            // A breach month is ≥ 0: the Student-t bound below 0 (few replications) is cut there.
            let interval = ci.n >= 2 ? [PlanFormat.cell(max(0, ci.low)), PlanFormat.cell(ci.high)] : ["", ""]
            text += PlanCSV.line([CSVNumber.text(row.cluster), CSVNumber.text(row.serviceLevel),
                                  breached.isEmpty ? "" : PlanFormat.cell(ci.mean)] + interval
                                 + [PlanFormat.cell(RunwayPlanner.mean(row.valuesAtBreach)),
                                    String(breached.count), String(row.breachMonths.count)])
        }
        return text
    }

    func monthsCSV() -> String {
        var text = PlanCSV.header(OutputColumns.runwayMonths)
        for m in result.months {
            text += PlanCSV.line([CSVNumber.text(m.cluster), String(m.month), PlanFormat.cell(m.demandMHz),
                                  PlanFormat.cell(m.peakDemandMHz), PlanFormat.cell(m.capacityMHz)]
                                 + m.energy.map(PlanFormat.cell)
                                 + [PlanFormat.cell(m.hardwarePerMonth), PlanFormat.cell(m.licensePerMonth),
                                    PlanFormat.cell(m.costPerVMMonth)])
        }
        return text
    }

    func levelsCSV() -> String {
        var text = PlanCSV.header(OutputColumns.runwaySLOs)
        for m in result.months {
            for (l, level) in result.levels.enumerated() {
                text += PlanCSV.line([CSVNumber.text(m.cluster), String(m.month), CSVNumber.text(level)]
                                     + PlanCSV.interval(m.levelValues[l])
                                     + [String(m.levelMet[l]), String(result.replications)])
            }
        }
        return text
    }

    func write(into folder: URL) throws {
        try AtomicFile.write(runwayCSV(), to: folder.appendingPathComponent("runway.csv"))
        try AtomicFile.write(monthsCSV(), to: folder.appendingPathComponent("runway_months.csv"))
        try AtomicFile.write(levelsCSV(), to: folder.appendingPathComponent("runway_slos.csv"))
    }

    /// The console table: per cluster and service level, the breach month with its interval.
    func text() -> String {
        var rows = [["cluster", "service level", "breaks in month", "95 % interval", "value then", "replications"]]
        for row in result.rows {
            let breached = row.breachMonths.compactMap { $0 }.map(Double.init)
            let ci = Statistics.confidenceInterval(breached)
            let when = breached.isEmpty ? "not within \(result.horizonMonths)" : PlanFormat.short(ci.mean)
            let interval = ci.n >= 2 ? "\(PlanFormat.short(max(0, ci.low))) – \(PlanFormat.short(ci.high))" : "-"
            rows.append([row.cluster, row.serviceLevel, when, interval, PlanFormat.short(RunwayPlanner.mean(row.valuesAtBreach), 3),
                         "\(breached.count)/\(row.breachMonths.count) break"])
        }
        var out = PlanCSV.table(rows)
        let today = result.months.filter { $0.month == 0 }
        if today.contains(where: { $0.costPerVMMonth != nil }) {
            out += "\ncost per VM-month today: "
                + today.map { "\($0.cluster) \(PlanFormat.short($0.costPerVMMonth, 2))" }.joined(separator: ", ") + "\n"
        }
        out += "\nservice levels judged per cluster over the \(result.window.rawValue) of each month's simulated days; "
            + "\(result.replications) replications (CRN). Files: \(result.folder)/runway.csv, runway_months.csv, runway_slos.csv\n"
        return out
    }
}

/// CSV and console helpers of the plan tables.
enum PlanCSV {
    static func header(_ columns: [OutputColumn]) -> String { OutputColumns.header(columns).joined(separator: ",") + "\n" }
    static func line(_ cells: [String]) -> String { cells.joined(separator: ",") + "\n" }

    /// `value_mean`, `value_ci95_low`, `value_ci95_high` of `values`.
    static func interval(_ values: [Double]) -> [String] {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return ["", "", ""] }
        let ci = Statistics.confidenceInterval(finite)
        return [PlanFormat.cell(ci.mean)] + (ci.n >= 2 ? [PlanFormat.cell(ci.low), PlanFormat.cell(ci.high)] : ["", ""])
    }

    /// Left-aligned columns separated by two spaces.
    static func table(_ rows: [[String]]) -> String {
        guard let first = rows.first else { return "" }
        let widths = first.indices.map { c in rows.map { $0[c].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { $0.element.padding(toLength: widths[$0.offset], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingWhitespaceEnd()
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingWhitespaceEnd() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
