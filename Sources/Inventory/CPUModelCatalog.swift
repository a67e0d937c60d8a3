import Foundation

/// Maps a host's CPU model string (RVTools `vHost` → `CPU Model`) to drsim's CPU vendor and
/// generation (the EVC baseline names, oldest first).
///
/// | model string | generation |
/// |---|---|
/// | Xeon Bronze/Silver/Gold/Platinum x1xx (e.g. Gold 6138) | skylake |
/// | … x2xx (Gold 6248, 5220R) | cascadelake |
/// | … x3xx (Gold 6338, Platinum 8380); x3xxH/HL (Cooper Lake) | icelake; cascadelake |
/// | … x4xx (Gold 6430, Platinum 8480+) | sapphirerapids |
/// | … x5xx (Emerald Rapids), Xeon 6 (6980P) | sapphirerapids (newest listed, noted) |
/// | Xeon E5/E7/E3-xxxx v4 · v3 · v2 · (none) | broadwell · haswell · ivybridge · sandybridge (E7 without vN: westmere) |
/// | Xeon E3-12xx v5/v6 | skylake |
/// | Xeon Max 94xx | sapphirerapids |
/// | Xeon [EXLW]55xx, 75xx, 34xx | nehalem |
/// | Xeon [EXLW]56xx, E7-xxxx, 36xx | westmere |
/// | Xeon [EXLW]54xx, 74xx, 33xx | penryn |
/// | Xeon [EXLW]51xx/53xx, 73xx, 30xx–32xx | merom |
/// | Core i3/i5/i7/i9 2xxx · 3xxx · 4xxx · 5xxx · 6xxx–10xxx · 11xxx | sandybridge · ivybridge · haswell · broadwell · skylake · icelake |
/// | EPYC xxx1 · xxx2 · xxx3 · xxx4 (7551 · 7742 · 7543 · 9654) | zen · zen2 · zen3 · zen4 |
/// | EPYC xxx5 (Turin) | zen4 (newest listed, noted) |
/// | Ryzen / Threadripper 1xxx–2xxx · 3xxx · 5xxx · 7xxx | zen · zen2 · zen3 · zen4 |
/// | Opteron 1xxx/2xxx/8xxx: x2xx · x3xx/x4xx | rev_f · greyhound |
/// | Opteron 3xxx/4xxx/6xxx: x1xx · x2xx · x3xx | greyhound · bulldozer · piledriver |
/// | Opteron 1xx/2xx/8xx (three digits) | rev_e |
///
/// A string naming a generation itself (virtual CPUs of nested labs: "Intel Core Processor
/// (Haswell, no TSX)", "AMD EPYC-Rome Processor") gets that generation. Anything else: the vendor from the string (Intel when it names neither) and the vendor's
/// oldest listed generation (merom, rev_e), with a note asking the user to check it. Sources:
/// Intel ARK and AMD product pages for the model-number schemes; VMware KB 1003212 (EVC modes).
enum CPUModelCatalog {
    /// drsim's Intel generations, oldest first (VMware EVC modes intel-merom … intel-sapphirerapids).
    static let intelGenerations = ["merom", "penryn", "nehalem", "westmere", "sandybridge", "ivybridge", "haswell",
                                   "broadwell", "skylake", "cascadelake", "icelake", "sapphirerapids"]
    /// drsim's AMD generations, oldest first (VMware EVC modes amd-rev-e … amd-zen4).
    static let amdGenerations = ["rev_e", "rev_f", "greyhound", "bulldozer", "piledriver", "steamroller", "zen", "zen2",
                                 "zen3", "zen4"]

    /// The result of classifying a model string.
    struct Classification: Equatable, Sendable {
        let vendor: String
        let generation: String
        /// Set when the mapping is a guess or an approximation the user should check.
        let note: String?
    }

    /// The vendor and generation of `model`.
    static func classify(_ model: String) -> Classification {
        let text = model.uppercased().replacingOccurrences(of: "(R)", with: " ").replacingOccurrences(of: "(TM)", with: " ")
        let isAMD = ["AMD", "EPYC", "OPTERON", "RYZEN", "THREADRIPPER"].contains { text.contains($0) }
        if isAMD {
            return amd(text) ?? Classification(vendor: "amd", generation: amdGenerations[0],
                                               note: "unrecognized AMD model: assumed the oldest listed generation")
        }
        if let intel = intel(text) { return intel }
        let isIntel = ["INTEL", "XEON", "CORE"].contains { text.contains($0) }
        return Classification(vendor: "intel", generation: intelGenerations[0],
                              note: isIntel ? "unrecognized Intel model: assumed the oldest listed generation"
                                            : "unknown CPU vendor: assumed Intel, oldest listed generation")
    }

    /// The generation named by a vSphere EVC mode key ("intel-cascadelake", "amd-rev-e"), if listed.
    static func generation(forEVCMode key: String) -> String? {
        let lowered = key.lowercased()
        if lowered.hasPrefix("intel-") {
            let name = String(lowered.dropFirst(6))
            return intelGenerations.contains(name) ? name : nil
        }
        if lowered.hasPrefix("amd-") {
            var name = String(lowered.dropFirst(4)).replacingOccurrences(of: "-", with: "_")
            if name == "greyhound_no3dnow" { name = "greyhound" }
            return amdGenerations.contains(name) ? name : nil
        }
        return nil
    }

    private static func intel(_ text: String) -> Classification? {
        func found(_ generation: String, _ note: String? = nil) -> Classification {
            Classification(vendor: "intel", generation: generation, note: note)
        }
        if let m = match(#"(PLATINUM|GOLD|SILVER|BRONZE)\s+\d(\d)\d\d([A-Z]*)"#, text) {
            switch m[2] {
            case "1": return found("skylake")
            case "2": return found("cascadelake")
            case "3": return m[3].hasPrefix("H") ? found("cascadelake") : found("icelake")
            case "4": return found("sapphirerapids")
            default: return found("sapphirerapids", "newer than the listed generations: mapped to sapphirerapids")
            }
        }
        if match(#"XEON.*\bMAX\s+94\d\d"#, text) != nil { return found("sapphirerapids") }
        if match(#"XEON\s+6\d\d\d[A-Z]"#, text) != nil {
            return found("sapphirerapids", "Xeon 6 is newer than the listed generations: mapped to sapphirerapids")
        }
        if let m = match(#"E([357])-\s?\d{4}[A-Z]*\s*(V(\d))?"#, text) {
            switch (m[1], m[3]) {
            case (_, "2"): return found("ivybridge")
            case (_, "3"): return found("haswell")
            case (_, "4"): return found("broadwell")
            case ("3", "5"), ("3", "6"): return found("skylake")
            case ("7", ""): return found("westmere")
            case (_, ""): return found("sandybridge")
            default: return nil
            }
        }
        if let m = match(#"CORE\s*I[3579]-?\s?(\d{4,5})"#, text), let number = Int(m[1]) {
            switch number / 1_000 {
            case 2: return found("sandybridge")
            case 3: return found("ivybridge")
            case 4: return found("haswell")
            case 5: return found("broadwell")
            case 6...10: return found("skylake")
            case 11: return found("icelake")
            default: return nil
            }
        }
        if let m = match(#"XEON.*?\b[EXLW]?([357])(\d)\d\d\b"#, text) {
            switch (m[1], m[2]) {
            case ("5", "1"), ("5", "3"), ("7", "3"), ("3", "0"), ("3", "1"), ("3", "2"): return found("merom")
            case ("5", "4"), ("7", "4"), ("3", "3"): return found("penryn")
            case ("5", "5"), ("7", "5"), ("3", "4"): return found("nehalem")
            case ("5", "6"), ("3", "6"): return found("westmere")
            default: return nil
            }
        }
        return codename(text, intelGenerations, vendor: "intel")
    }

    /// A generation named in the string itself ("Intel Core Processor (Haswell, no TSX)",
    /// "AMD EPYC-Rome"), as hypervisor-virtualized CPUs of nested labs report.
    private static func codename(_ text: String, _ generations: [String], vendor: String) -> Classification? {
        let squeezed = text.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "-", with: "").lowercased()
        let aliases = ["rome": "zen2", "milan": "zen3", "genoa": "zen4", "naples": "zen"]
        for (alias, generation) in aliases.sorted(by: { $0.key < $1.key }) where vendor == "amd" && squeezed.contains(alias) {
            return Classification(vendor: vendor, generation: generation, note: nil)
        }
        for generation in generations.reversed() where generation.count > 4 && squeezed.contains(generation.replacingOccurrences(of: "_", with: "")) {
            return Classification(vendor: vendor, generation: generation, note: nil)
        }
        return nil
    }

    private static func amd(_ text: String) -> Classification? {
        func found(_ generation: String, _ note: String? = nil) -> Classification {
            Classification(vendor: "amd", generation: generation, note: note)
        }
        if let m = match(#"EPYC\s+\d\d\d(\d)"#, text) {
            switch m[1] {
            case "1": return found("zen")
            case "2": return found("zen2")
            case "3": return found("zen3")
            case "4": return found("zen4")
            default: return found("zen4", "newer than the listed generations: mapped to zen4")
            }
        }
        if let m = match(#"(RYZEN|THREADRIPPER)(\s+PRO)?(\s+\d)?\s+(\d)\d\d\d"#, text) {
            switch m[4] {
            case "1", "2": return found("zen")
            case "3": return found("zen2")
            case "5": return found("zen3")
            case "7": return found("zen4")
            default: return nil
            }
        }
        if let m = match(#"OPTERON.*?\b([1-8])(\d)\d\d\b"#, text) {
            switch (m[1], m[2]) {
            case ("1", "2"), ("2", "2"), ("8", "2"): return found("rev_f")
            case ("1", "3"), ("2", "3"), ("8", "3"), ("2", "4"), ("8", "4"): return found("greyhound")
            case ("3", "1"), ("4", "1"), ("6", "1"): return found("greyhound")
            case ("3", "2"), ("4", "2"), ("6", "2"): return found("bulldozer")
            case ("3", "3"), ("4", "3"), ("6", "3"): return found("piledriver")
            default: return nil
            }
        }
        if match(#"OPTERON.*?\b[128]\d\d\b"#, text) != nil { return found("rev_e") }
        return codename(text, amdGenerations, vendor: "amd")
    }

    /// The capture groups of the first match of `pattern` in `text` ("" for a group that did not
    /// take part), or `nil` when there is no match.
    private static func match(_ pattern: String, _ text: String) -> [String]? {
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let result = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (0..<result.numberOfRanges).map { index in
            guard let range = Range(result.range(at: index), in: text) else { return "" }
            return String(text[range])
        }
    }
}
