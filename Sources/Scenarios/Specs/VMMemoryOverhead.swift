/// A VM's memory overhead at power-on (docs/model.md "Memory", [D67-Overhead]: vSphere 6.5/6.7 with
/// VMX swap on), interpolated linearly in configured memory and in vCPUs between the table's
/// points, and extrapolated beyond 16 GB and 8 vCPUs along the table's last slopes (the table
/// itself stops there; the slopes match the [inferred] fit of about 7.4 MB per GB and 4 MB per
/// vCPU).
public enum VMMemoryOverhead {
    /// Configured memory of the table's rows, MiB.
    static let memoryPoints: [Double] = [256, 1_024, 4_096, 16_384]
    /// vCPUs of the table's columns.
    static let vcpuPoints: [Double] = [1, 2, 4, 8]
    /// Overhead in MB, one row per memory point, one column per vCPU point.
    static let table: [[Double]] = [
        [20.29, 24.28, 32.23, 48.16],
        [25.90, 29.91, 37.86, 53.82],
        [48.64, 52.72, 60.67, 76.78],
        [139.62, 143.98, 151.93, 168.60],
    ]

    /// Overhead in MiB of a VM with `memoryMB` configured memory and `vcpus` vCPUs.
    public static func overheadMB(memoryMB: Double, vcpus: Int) -> Double {
        let (row, rowWeight) = segment(of: max(memoryMB, memoryPoints[0]), in: memoryPoints)
        let (column, columnWeight) = segment(of: max(Double(vcpus), 1), in: vcpuPoints)
        func value(_ r: Int, _ c: Int) -> Double {
            let low = table[r][c]
            return low + (table[r][c + 1] - low) * columnWeight
        }
        let low = value(row, column)
        return low + (value(row + 1, column) - low) * rowWeight
    }

    /// The segment `[points[i], points[i + 1]]` holding `x` (the last one beyond the end) and the
    /// position of `x` in it (above 1 when extrapolating).
    private static func segment(of x: Double, in points: [Double]) -> (Int, Double) {
        var i = 0
        while i < points.count - 2, x > points[i + 1] { i += 1 }
        return (i, (x - points[i]) / (points[i + 1] - points[i]))
    }
}
