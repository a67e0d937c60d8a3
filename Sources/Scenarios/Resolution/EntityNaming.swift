/// How generated host and VM names are formed (DESIGN §5 "Names").
///
/// - Hosts: `<cluster>-esxNN`, numbered from 01 over the `count` entries of a cluster in order
///   (entries with `names:` do not use numbers), zero-padded to 2 digits or to the digits of the
///   cluster's generated host count if larger (`prod-a-esx001` … with 100+ hosts).
/// - VMs: `<group>-NNNN`, numbered from 0001 per group name across the whole scenario (clusters
///   in order, then entries in order), zero-padded to 4 digits or more, so that VM names, which key
///   each VM's random stream, are unique without naming the cluster.
public enum EntityNaming {
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
