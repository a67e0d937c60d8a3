/// How generated host and VM names are formed (docs/scenario-format.md "Names").
///
/// - Hosts: `<cluster>-esxNN`, numbered from 01 over the `count` entries of a cluster in order
///   (entries with `names:` do not use numbers), zero-padded to 2 digits or to the digits of the
///   cluster's generated host count if larger (`prod-a-esx001` … with 100+ hosts).
/// - VMs: `<group>-NNNN`, numbered from 0001 per group name across the whole scenario (clusters
///   in order, then entries in order), zero-padded to 4 digits or more, so that VM names, which key
///   each VM's random stream, are unique without naming the cluster.
public enum EntityNaming {
    /// The longest name, in UTF-8 bytes [I]: a scenario name is a folder name, and the run's
    /// temporary folder `.<name>.partial-<pid>` must stay within the 255-byte limit of file
    /// names; vSphere itself allows 80 characters for a VM name.
    public static let maximumNameBytes = 200

    /// What is wrong with `name` as a scenario, cluster, host, VM, group or profile name, or nil.
    /// The one rule shared by validation, run-time folder naming and the RVTools import: not
    /// empty, no control character (TAB and line breaks included: names go into CSV cells,
    /// messages and folder names), at most ``maximumNameBytes`` UTF-8 bytes.
    public static func nameProblem(_ name: String) -> String? {
        if name.trimmingWhitespace().isEmpty { return "must not be empty" }
        if TerminalText.containsControl(name) { return "'\(name)' contains a control character" }
        if name.utf8.count > maximumNameBytes {
            return "'\(name.prefix(40))…' is \(name.utf8.count) bytes long; the limit is \(maximumNameBytes)"
        }
        return nil
    }

    /// The generated name of host number `number` (1-based) of `cluster`.
    public static func hostName(cluster: String, number: Int, width: Int) -> String {
        "\(cluster)-esx\(padded(number, width: max(2, width)))"
    }

    /// The generated name of VM number `number` (1-based) of `group`.
    public static func vmName(group: String, number: Int, width: Int) -> String {
        "\(group)-\(padded(number, width: max(4, width)))"
    }

    /// Digits needed to write `count` (at least 1).
    static func digits(_ count: Int) -> Int {
        String(max(0, count)).count
    }

    static func padded(_ number: Int, width: Int) -> String {
        let text = String(number)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
