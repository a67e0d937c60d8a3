/// One datastore and the hosts that mount it, as read from the RVTools `vDatastore` tab.
struct DatastoreRecord: Sendable {
    let name: String
    /// `Hosts`: the names of the hosts that mount it (RVTools lists them separated by commas).
    let hosts: [String]

    /// The columns read from `vDatastore`.
    enum Columns {
        static let name = RVToolsColumn("Name", ["Datastore", "Datastore Name", "vDatastoreName"])
        static let hosts = RVToolsColumn("Hosts", ["Host", "Host Names", "vDatastoreHosts"])
        /// Every column read (the others of a workbook sheet are skipped).
        static let all = [name, hosts]
    }

    /// Reads every row of a `vDatastore` tab. A `Hosts` cell is split at commas, unless the
    /// whole cell is one of `knownHosts` (a host name may itself hold a comma).
    static func read(_ sheet: RVToolsSheet, knownHosts: Set<String>) throws -> [DatastoreRecord] {
        let required = try sheet.require([Columns.name, Columns.hosts])
        return (0..<sheet.rowCount).compactMap { row in
            let name = sheet.text(row, required[0])
            guard !name.isEmpty else { return nil }
            let cell = sheet.text(row, required[1])
            let hosts = knownHosts.contains(cell) ? [cell]
                : cell.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            return DatastoreRecord(name: name, hosts: hosts)
        }
    }
}
