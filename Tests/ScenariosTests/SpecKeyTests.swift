import Testing
@testable import Scenarios

/// Every spec block reads its keys from one `CodingKeys` enum: each key of the enum is accepted
/// (given with a null value, which reads as absent), and the "valid:" list of an unknown-key
/// message is exactly the enum's cases, in order.
@Suite struct SpecKeyTests {
    /// A scenario written in flow style, with a slot `<NAME>` inside each block.
    static let base = """
    schema_version: 1
    name: mini
    duration: 1d
    host_profiles: [{name: r650, cpu: {sockets: 2, cores_per_socket: 24, mhz: 2800<CPU>}, memory_gb: 768, \
    power: {model: linear, idle_w: 180, max_w: 520<POWER>}<HOSTPROFILE>}]
    vm_profiles: [{name: web, vcpus: 4, memory_gb: 16<VMPROFILE>}]
    clusters: [{name: prod-a, hosts: [{profile: r650, count: 4<HOSTENTRY>}], vms: [{profile: web, count: 10<VMENTRY>}]<CLUSTER>}]
    <TOP>

    """

    /// One block: its keys, the slot it is written at and the text written there (`@@` marks the
    /// block's keys).
    struct Block: CustomTestStringConvertible, Sendable {
        var name: String
        var keys: [String]
        var slot: String
        var text: String
        var testDescription: String { name }
    }

    static func keys<K: CodingKey & CaseIterable>(_ type: K.Type) -> [String] { K.allCases.map(\.stringValue) }

    static let blocks: [Block] = [
        Block(name: "top level", keys: keys(ScenarioSpec.CodingKeys.self), slot: "TOP", text: "@@"),
        Block(name: "clusters[]", keys: keys(ClusterSpec.CodingKeys.self), slot: "CLUSTER", text: ", @@"),
        Block(name: "drs", keys: keys(DRSSpec.CodingKeys.self), slot: "TOP", text: "drs: {@@}"),
        Block(name: "dpm", keys: keys(DPMSpec.CodingKeys.self), slot: "TOP", text: "dpm: {@@}"),
        Block(name: "vmotion", keys: keys(VMotionSpec.CodingKeys.self), slot: "TOP", text: "vmotion: {@@}"),
        Block(name: "ha", keys: keys(HASpec.CodingKeys.self), slot: "TOP", text: "ha: {@@}"),
        Block(name: "ha.admission_control", keys: keys(AdmissionControlSpec.CodingKeys.self), slot: "TOP",
              text: "ha: {admission_control: {@@}}"),
        Block(name: "failures", keys: keys(FailuresSpec.CodingKeys.self), slot: "TOP", text: "failures: {@@}"),
        Block(name: "sweep", keys: keys(SweepSpec.CodingKeys.self), slot: "TOP", text: "sweep: {@@}"),
        Block(name: "events[]", keys: keys(EventSpec.CodingKeys.self), slot: "TOP", text: "events: [{@@}]"),
        Block(name: "maintenance_windows[]", keys: keys(MaintenanceWindowSpec.CodingKeys.self), slot: "TOP",
              text: "maintenance_windows: [{@@}]"),
        Block(name: "host_profiles[]", keys: keys(HostProfileSpec.CodingKeys.self), slot: "HOSTPROFILE", text: ", @@"),
        Block(name: "host_profiles[].cpu", keys: keys(CPUSpec.CodingKeys.self), slot: "CPU", text: ", @@"),
        Block(name: "host_profiles[].power", keys: keys(PowerSpec.CodingKeys.self), slot: "POWER", text: ", @@"),
        Block(name: "host_profiles[].cost", keys: keys(HostCostSpec.CodingKeys.self), slot: "HOSTPROFILE",
              text: ", cost: {@@}"),
        Block(name: "vm_profiles[]", keys: keys(VMProfileSpec.CodingKeys.self), slot: "VMPROFILE", text: ", @@"),
        Block(name: "workload", keys: keys(WorkloadSpec.CodingKeys.self), slot: "VMPROFILE", text: ", workload: {@@}"),
        Block(name: "workload.cpu", keys: keys(CPUWorkloadSpec.CodingKeys.self), slot: "VMPROFILE",
              text: ", workload: {cpu: {@@}}"),
        Block(name: "workload.memory", keys: keys(MemoryWorkloadSpec.CodingKeys.self), slot: "VMPROFILE",
              text: ", workload: {memory: {@@}}"),
        Block(name: "workload.trace", keys: keys(TraceSpec.CodingKeys.self), slot: "VMPROFILE",
              text: ", workload: {trace: {@@}}"),
        Block(name: "workload.cpu.diurnal", keys: keys(DiurnalSpec.CodingKeys.self), slot: "VMPROFILE",
              text: ", workload: {cpu: {diurnal: {@@}}}"),
        Block(name: "workload.cpu.weekly", keys: keys(WeeklySpec.CodingKeys.self), slot: "VMPROFILE",
              text: ", workload: {cpu: {weekly: {@@}}}"),
        Block(name: "workload.cpu.noise", keys: keys(NoiseSpec.CodingKeys.self), slot: "VMPROFILE",
              text: ", workload: {cpu: {noise: {@@}}}"),
        Block(name: "workload.cpu.bursts", keys: keys(BurstsSpec.CodingKeys.self), slot: "VMPROFILE",
              text: ", workload: {cpu: {bursts: {@@}}}"),
        Block(name: "clusters[].hosts[]", keys: keys(HostEntrySpec.CodingKeys.self), slot: "HOSTENTRY", text: ", @@"),
        Block(name: "clusters[].vms[]", keys: keys(VMEntrySpec.CodingKeys.self), slot: "VMENTRY", text: ", @@"),
        Block(name: "clusters[].vms[].churn", keys: keys(ChurnSpec.CodingKeys.self), slot: "VMENTRY",
              text: ", churn: {@@}"),
        Block(name: "clusters[].rules[]", keys: keys(RuleSpec.CodingKeys.self), slot: "CLUSTER", text: ", rules: [{@@}]"),
    ]

    /// The keys given at depth 0 of a flow mapping's text (from just after its `{`).
    static func flowKeys(_ text: Substring) -> Set<String> {
        var keys: Set<String> = []
        var level = 0
        var token = ""
        var expectingKey = true
        for c in text {
            if c == "{" || c == "[" { level += 1; continue }
            if c == "}" || c == "]" { level -= 1; continue }
            guard level == 0 else { continue }
            if c == "," {
                expectingKey = true
                token = ""
            } else if c == ":" {
                if expectingKey && !token.isEmpty { keys.insert(token) }
                expectingKey = false
            } else if expectingKey && (c.isLetter || c.isNumber || c == "_") {
                token.append(c)
            }
        }
        return keys
    }

    /// The `{` of the flow mapping that encloses `index`, or nil at the top level.
    static func enclosingBrace(in text: String, before index: String.Index) -> String.Index? {
        var depth = 0
        var i = index
        while i > text.startIndex {
            i = text.index(before: i)
            switch text[i] {
            case "}", "]": depth += 1
            case "[": if depth == 0 { return nil } else { depth -= 1 }
            case "{": if depth == 0 { return i } else { depth -= 1 }
            case "\n": if depth == 0 { return nil }
            default: break
            }
        }
        return nil
    }

    /// The scenario with `block` written at its slot: an unknown key `zzz_unknown` plus every key
    /// of the block not already given, each null.
    static func yaml(for block: Block) throws -> String {
        var text = base
        for slot in ["CPU", "POWER", "HOSTPROFILE", "VMPROFILE", "HOSTENTRY", "VMENTRY", "CLUSTER", "TOP"]
        where slot != block.slot {
            text = text.replacingOccurrences(of: "<\(slot)>", with: "")
        }
        text = text.replacingOccurrences(of: "<\(block.slot)>", with: block.text)
        let marker = try #require(text.range(of: "@@"))
        let present: Set<String>
        let separator: String
        if let open = enclosingBrace(in: text, before: marker.lowerBound) {
            // Flow style: the keys given since the enclosing `{`.
            present = flowKeys(text[text.index(after: open)..<marker.lowerBound])
            separator = ", "
        } else {
            present = Set(text.split(separator: "\n").compactMap { line in
                line.first?.isLetter == true ? line.split(separator: ":").first.map(String.init) : nil
            })
            separator = "\n"
        }
        let entries = ["zzz_unknown: 1"] + block.keys.filter { !present.contains($0) }.map { "\($0): ~" }
        return text.replacingCharacters(in: marker, with: entries.joined(separator: separator))
    }

    @Test(arguments: blocks) func everyKeyIsAcceptedAndListed(_ block: Block) throws {
        #expect(!block.keys.isEmpty)
        let yaml = try Self.yaml(for: block)
        let issues = Fixture.issues(yaml)
        let unknown = issues.filter { $0.message.contains("unknown key") }
        // Exactly one unknown key: ours; every key of the enum (null, or given) was accepted.
        #expect(unknown.count == 1, "\(unknown)")
        let issue = try #require(unknown.first)
        #expect(issue.keyPath.hasSuffix("zzz_unknown"))
        #expect(issue.message.hasSuffix("(valid: \(block.keys.joined(separator: ", ")))"), "\(issue.message)")
    }
}
