/// The column layout of a CSV trace, found from its header row.
struct CSVTraceColumns {
    let time: Int
    let cpu: Int
    let cpuIsPercent: Bool
    let memory: Int?
    let memoryIsPercent: Bool
    let vm: Int?

    init(header: [String], file: String, line: Int) throws {
        let names = header.map { $0.trimmingSpaces().lowercased() }
        func find(_ candidates: [String]) -> Int? {
            names.firstIndex { candidates.contains($0) }
        }
        // An excerpt only: the path may name any file (a secret's first line must not be echoed).
        let found = "found: " + header.joined(separator: ", ").shortExcerpt
        guard let time = find(["time_s"]) else {
            throw TraceError(file: file, line: line, message: "missing column time_s (header row \(found))")
        }
        if let cpu = find(["cpu_util"]) {
            self.cpu = cpu
            cpuIsPercent = false
        } else if let cpu = find(["cpu_pct", "cpu_percent"]) {
            self.cpu = cpu
            cpuIsPercent = true
        } else {
            throw TraceError(file: file, line: line, message: "missing column cpu_util (or cpu_pct) (header row \(found))")
        }
        if let memory = find(["mem_util", "memory_util"]) {
            self.memory = memory
            memoryIsPercent = false
        } else {
            memory = find(["mem_pct", "memory_pct", "mem_percent"])
            memoryIsPercent = memory != nil
        }
        self.time = time
        vm = find(["vm", "vm_name"])
    }

    /// The time, CPU and memory values of one data row, validated.
    func values(_ fields: [String], decimalComma: Bool, file: String, line: Int) throws
        -> (timeS: Double, cpu: Float, memory: Float?) {
        func number(_ column: Int, _ name: String) throws -> Double {
            let text = column < fields.count ? fields[column] : ""
            guard let value = CSVNumber.parse(text, decimalComma: decimalComma) else {
                let shown = text.isEmpty ? "an empty cell" : "'\(text.shortExcerpt)'"
                throw TraceError(file: file, line: line, message: "column \(name): \(shown) is not a number")
            }
            return value
        }
        func fraction(_ column: Int, _ name: String, percent: Bool) throws -> Float {
            let value = try number(column, name)
            let scaled = percent ? value / 100 : value
            guard scaled >= 0, scaled <= 1 else {
                let range = percent ? "0–100" : "0–1"
                throw TraceError(file: file, line: line, message: "column \(name): \(value) is outside \(range)")
            }
            return Float(scaled)
        }
        let time = try number(self.time, "time_s")
        guard time >= 0 else {
            throw TraceError(file: file, line: line, message: "column time_s: \(time) is negative")
        }
        let cpu = try fraction(self.cpu, cpuIsPercent ? "cpu_pct" : "cpu_util", percent: cpuIsPercent)
        let memory = try self.memory.map { try fraction($0, memoryIsPercent ? "mem_pct" : "mem_util", percent: memoryIsPercent) }
        return (time, cpu, memory)
    }
}

extension String {
    /// At most 40 characters, control characters escaped, `…` when cut: how a message shows
    /// text read from a file (which may be any file, docs/reliability.md).
    var shortExcerpt: String {
        var out = ""
        for scalar in prefix(40).unicodeScalars {
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                out += scalar == "\u{1B}" ? "\\e" : "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return count > 40 ? out + "…" : out
    }

    /// The string without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { $0 != " " && $0 != "\t" }),
              let last = scalars.lastIndex(where: { $0 != " " && $0 != "\t" }) else { return "" }
        return String(scalars[first...last])
    }
}
