import Foundation
import Stochastics

/// The files and the console table of `drsim plan size`: `size.csv` (every candidate and service
/// level: the sizing curve) and `size_profiles.csv` (hosts needed, energy and cost per profile).
struct SizeTables {
    let result: SizeResult

    func sizeCSV() -> String {
        var text = PlanCSV.header(OutputColumns.size)
        for p in result.profiles {
            for c in p.candidates {
                for (l, level) in result.levels.enumerated() {
                    text += PlanCSV.line([CSVNumber.text(result.cluster), CSVNumber.text(p.hostProfile), String(c.hosts),
                                          CSVNumber.bool(c.meetsAll), String(p.hostsNeeded), CSVNumber.text(level)]
                                         + PlanCSV.interval(c.values[l]) + [String(c.met[l]), String(result.replications)])
                }
            }
        }
        return text
    }

    func profilesCSV() -> String {
        var text = PlanCSV.header(OutputColumns.sizeProfiles)
        for p in result.profiles {
            let needed = p.needed
            text += PlanCSV.line([CSVNumber.text(result.cluster), CSVNumber.text(p.hostProfile), String(p.hostsNeeded),
                                  PlanFormat.cell(Double(p.hostsNeeded) * p.hostCapacityMHz)]
                                 + PlanCSV.interval(needed?.facilityKWhPerMonth ?? [])
                                 + [PlanFormat.cell(needed?.energyCostPerMonth), PlanFormat.cell(needed?.co2KgPerMonth),
                                    PlanFormat.cell(p.hardwarePerMonth), PlanFormat.cell(p.licensePerMonth),
                                    PlanFormat.cell(p.totalPerMonth), String(p.vms), PlanFormat.cell(p.costPerVMMonth)])
        }
        return text
    }

    func write(into folder: URL) throws {
        try AtomicFile.write(sizeCSV(), to: folder.appendingPathComponent("size.csv"))
        try AtomicFile.write(profilesCSV(), to: folder.appendingPathComponent("size_profiles.csv"))
    }

    /// The console table: per profile the hosts needed, energy and cost; then the candidates tried.
    func text() -> String {
        var rows = [["host profile", "hosts needed", "facility kWh/month", "CO2 kg/month", "energy cost/month", "hardware/month",
                     "licenses/month", "total/month", "per VM-month"]]
        for p in result.profiles {
            let kwh = p.needed.map { RunwayPlanner.mean($0.facilityKWhPerMonth.map { Optional($0) }) } ?? nil
            rows.append([p.hostProfile, String(p.hostsNeeded), PlanFormat.short(kwh, 0), PlanFormat.short(p.needed?.co2KgPerMonth, 0),
                         PlanFormat.short(p.needed?.energyCostPerMonth, 2),
                         PlanFormat.short(p.hardwarePerMonth, 2), PlanFormat.short(p.licensePerMonth, 2),
                         PlanFormat.short(p.totalPerMonth, 2), PlanFormat.short(p.costPerVMMonth, 2)])
        }
        var out = "cluster \(result.cluster): " + result.levels.joined(separator: ", ") + "\n" + PlanCSV.table(rows)
        out += "\ncandidates (value mean over \(result.replications) replications; * = meets every service level):\n"
        var tried = [["host profile", "hosts"] + result.levels]
        for p in result.profiles {
            for c in p.candidates {
                tried.append([p.hostProfile, "\(c.hosts)\(c.meetsAll ? " *" : "")"]
                             + c.values.map { PlanFormat.short(RunwayPlanner.mean($0.map { Optional($0) }), 3) })
            }
        }
        out += PlanCSV.table(tried)
        out += "\nservice levels judged per cluster over the \(result.window.rawValue). Files: \(result.folder)/size.csv, size_profiles.csv\n"
        return out
    }
}
