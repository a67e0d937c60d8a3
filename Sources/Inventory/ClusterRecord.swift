import Foundation

/// One cluster's DRS, DPM and HA settings as read from the optional RVTools `vCluster` tab.
struct ClusterRecord: Sendable {
    let name: String
    let haEnabled: Bool?
    let drsEnabled: Bool?
    /// `DRS default VM behavior` as vSphere names it: fullyAutomated, partiallyAutomated, manual.
    let drsBehavior: String
    /// `DRS vmotion rate` (vSphere's vmotionRate 1–5, where 5 is the most conservative).
    let drsVmotionRate: Int?
    let dpmEnabled: Bool?
    /// `DPM default behavior`: automated or manual, as vSphere names it; "" when not exported.
    let dpmBehavior: String
    /// `AdmissionControlEnabled` (HA admission control).
    let admissionControl: Bool?
    /// `Failover Level`: the host failures HA admission control tolerates.
    let failoverLevel: Int?
    /// `Restart Priority`: the cluster's default HA restart priority (lowest … highest, disabled).
    let restartPriority: String

    /// The columns read from `vCluster`.
    enum Columns {
        static let name = RVToolsColumn("Name", ["Cluster", "Cluster Name", "vClusterName"])
        static let ha = RVToolsColumn("HA enabled", ["HA", "vClusterHAEnabled"])
        static let drs = RVToolsColumn("DRS enabled", ["DRS", "vClusterDRSEnabled"])
        static let behavior = RVToolsColumn("DRS default VM behavior", ["DRS behavior", "DRS automation level", "vClusterDRSBehavior"])
        static let rate = RVToolsColumn("DRS vmotion rate", ["DRS migration threshold", "vClusterDRSVmotionRate"])
        static let dpm = RVToolsColumn("DPM enabled", ["DPM", "vClusterDPMEnabled"])
        static let dpmBehavior = RVToolsColumn("DPM default behavior", ["DPM behavior", "vClusterDPMBehavior"])
        static let admission = RVToolsColumn("AdmissionControlEnabled", ["Admission Control Enabled", "vClusterAdmissionControlEnabled"])
        static let failover = RVToolsColumn("Failover Level", ["Host failures cluster tolerates", "vClusterFailoverLevel"])
        static let restart = RVToolsColumn("Restart Priority", ["HA Restart Priority", "vClusterRestartPriority"])
        /// Every column read (the others of a workbook sheet are skipped).
        static let all = [name, ha, drs, behavior, rate, dpm, dpmBehavior, admission, failover, restart]
    }

    /// Reads every row of a `vCluster` export.
    static func read(_ url: URL) throws -> [ClusterRecord] {
        try read(RVToolsSheet(url: url, tab: "vCluster"))
    }

    /// Reads every row of a `vCluster` tab.
    static func read(_ sheet: RVToolsSheet) throws -> [ClusterRecord] {
        typealias C = Columns
        let name = try sheet.require([C.name])[0]
        let (ha, drs, behavior, rate, dpm) =
            (sheet.index(of: C.ha), sheet.index(of: C.drs), sheet.index(of: C.behavior), sheet.index(of: C.rate), sheet.index(of: C.dpm))
        let (dpmBehavior, admission, failover, restart) =
            (sheet.index(of: C.dpmBehavior), sheet.index(of: C.admission), sheet.index(of: C.failover), sheet.index(of: C.restart))
        var clusters: [ClusterRecord] = []
        for row in 0..<sheet.rowCount {
            let cluster = sheet.name(row, name)
            guard !cluster.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
            var vmotionRate: Int?
            if let value = try sheet.optionalNumber(row, rate, C.rate) {
                guard (1...5).contains(value), value == value.rounded() else {
                    throw sheet.error(row, C.rate, "'\(sheet.text(row, rate))' is not a vmotion rate 1–5")
                }
                vmotionRate = Int(value)
            }
            var failoverLevel: Int?
            if let value = try sheet.optionalNumber(row, failover, C.failover) {
                guard value == value.rounded(), value < 1_000 else {
                    throw sheet.error(row, C.failover, "'\(sheet.text(row, failover))' is not a number of host failures")
                }
                failoverLevel = Int(value)
            }
            clusters.append(ClusterRecord(
                name: cluster,
                haEnabled: ha == nil ? nil : try sheet.flag(row, ha, C.ha),
                drsEnabled: drs == nil ? nil : try sheet.flag(row, drs, C.drs),
                drsBehavior: sheet.text(row, behavior), drsVmotionRate: vmotionRate,
                dpmEnabled: dpm == nil ? nil : try sheet.flag(row, dpm, C.dpm),
                dpmBehavior: sheet.text(row, dpmBehavior),
                admissionControl: admission == nil || sheet.text(row, admission).isEmpty ? nil : try sheet.flag(row, admission, C.admission),
                failoverLevel: failoverLevel, restartPriority: sheet.text(row, restart)))
        }
        return clusters
    }
}
