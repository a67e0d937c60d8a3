import Foundation
import Scenarios

/// The short human-readable texts the CLI prints.
public enum RunReport {
    /// Summary of a finished run.
    public static func text(_ r: RunResult) -> String {
        let s = r.summary
        func f(_ x: Double, _ d: Int = 1) -> String { String(format: "%.\(d)f", x) }
        var lines = [
            "drsim: \(s.scenario) (seed \(s.seed)), \(f(s.simDays, 2)) simulated days",
            "  energy        \(f(s.energyKWh)) kWh IT, \(f(s.facilityEnergyKWh)) kWh facility",
            "  hosts on      \(f(s.meanHostsOn, 2)) on average; \(s.dpmPowerOffs) DPM power-offs, \(s.dpmPowerOns) power-ons",
            "  imbalance     CHLSD mean \(f(s.chlsdMean, 3)), p95 \(f(s.chlsdP95, 3))",
            "  DRS           \(s.drsAlgorithms.isEmpty ? "off" : s.drsAlgorithms)"
                + (s.drsScoreMean.map { ", cluster DRS score mean \(f($0, 1))" } ?? ""),
            "  unmet demand  \(f(s.cpuUnmetPct, 3)) % of CPU demand",
            "  migrations    \(s.migrationsTotal) requested: \(s.migrationsOK) ok, \(s.migrationsRejected) rejected, "
                + "\(s.migrationsAborted) aborted; "
                + (s.downtimeMaxMS.isFinite ? "downtime p95 \(f(s.downtimeP95MS)) ms, max \(f(s.downtimeMaxMS)) ms"
                                            : "no downtime (none completed)"),
        ]
        if s.haOutages > 0 || s.failedAdmissions > 0 {
            lines.append("  availability  \(s.haOutages) HA outages, \(f(s.vmHoursDown, 2)) VM-hours down, \(s.failedAdmissions) failed admissions")
        }
        lines.append("  wall time     \(f(r.wallSeconds, 2)) s (\(r.eventsProcessed) events)")
        lines.append("  results       \(r.folder)/")
        return lines.joined(separator: "\n")
    }

    /// One line describing a valid scenario.
    public static func validated(_ loaded: LoadedScenario) -> String {
        let r = loaded.resolved
        return "ok: \(loaded.spec.name): \(r.clusters.count) cluster\(r.clusters.count == 1 ? "" : "s"), "
            + "\(r.totalHosts) hosts, \(r.totalVMs) VMs, \(loaded.spec.duration)"
    }
}
