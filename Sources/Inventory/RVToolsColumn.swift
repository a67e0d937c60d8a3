/// A column the importer reads from an RVTools tab: the name used in messages and the header
/// spellings accepted for it.
///
/// Headers are matched after ``normalize(_:)``, so case, spaces and punctuation do not matter;
/// when no alias matches exactly, a second pass ignores a trailing `MB`/`MiB` unit (RVTools 4
/// renamed `In Use MB` to `In Use MiB` without changing the values). The aliases cover the
/// column titles of RVTools 3.x and 4.x and the internal names (`vInfoCPUs`, `vHostNumCpu`)
/// that some CSV exports use as headers. Sources: RVTools' own tab layout as exported by 4.x
/// (`vInfo`: VM, Powerstate, Template, CPUs, Memory, Active Memory, Network #1, Path, Cluster,
/// Host …; `vHost`: Host, Cluster, CPU Model, Speed, # CPU, Cores per CPU, # Cores, CPU usage %,
/// # Memory, Memory usage %, ESX Version, Current EVC …), and public RVTools header-mapping
/// tables (e.g. the RVToolsMerge README).
struct RVToolsColumn: Sendable {
    /// The name shown in messages (RVTools 4.x title).
    let name: String
    /// Accepted headers, first the usual one.
    let aliases: [String]

    init(_ name: String, _ aliases: [String] = []) {
        self.name = name
        self.aliases = [name] + aliases
    }

    /// Lowercased letters and digits only, with `#` read as "num" and `%` as "pct"
    /// (`"# CPU"` → `numcpu`, `"CPU usage %"` → `cpuusagepct`, `"vHostNumCpu"` → `vhostnumcpu`).
    static func normalize(_ header: String) -> String {
        var result = ""
        for character in header.lowercased() {
            if character == "#" {
                result += "num"
            } else if character == "%" {
                result += "pct"
            } else if character.isLetter || character.isNumber {
                result.append(character)
            }
        }
        return result
    }

    /// `normalized` without a trailing `mib` or `mb`.
    static func withoutMegabyteUnit(_ normalized: String) -> String {
        for unit in ["mib", "mb"] where normalized.hasSuffix(unit) && normalized.count > unit.count {
            return String(normalized.dropLast(unit.count))
        }
        return normalized
    }

    /// The index of this column in `header`, or `nil`.
    func index(in header: [String]) -> Int? {
        let normalizedHeader = header.map(Self.normalize)
        let wanted = aliases.map(Self.normalize)
        for alias in wanted {
            if let index = normalizedHeader.firstIndex(of: alias) { return index }
        }
        let unitless = wanted.map(Self.withoutMegabyteUnit)
        for alias in unitless {
            if let index = normalizedHeader.firstIndex(where: { Self.withoutMegabyteUnit($0) == alias }) { return index }
        }
        return nil
    }
}
