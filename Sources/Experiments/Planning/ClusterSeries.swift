import Foundation
import Traces

/// One cluster's samples from a run's `timeseries.csv`: the time and the numeric columns that
/// planning reads (plan evaluation works on the CSVs a run wrote, like the sweep tables).
struct ClusterSeries {
    /// `time_s` of each sample.
    var time: [Double] = []
    /// Column name → values, one per sample.
    var values: [String: [Double]] = [:]

    func column(_ name: String) -> [Double]? { values[name] }

    /// The last value of `name` (cumulative columns: energy, cost, CO₂), or nil.
    func last(_ name: String) -> Double? { values[name]?.last }

    /// The largest value of `name` after `from` seconds.
    func maximum(_ name: String, from: Double = 0) -> Double {
        guard let column = values[name] else { return 0 }
        var m = 0.0
        for (t, x) in zip(time, column) where t >= from { m = max(m, x) }
        return m
    }

    /// Reads the columns `columns` of every cluster from `folder/timeseries.csv`; clusters by name.
    /// An empty cell (a cost without a price) reads as NaN.
    static func read(folder: URL, columns: [String]) throws -> [String: ClusterSeries] {
        let path = folder.appendingPathComponent("timeseries.csv").path
        guard let data = FileManager.default.contents(atPath: path) else { throw InputError("\(path): missing") }
        var reader = CSVRecordReader(data: data, file: path)
        guard let header = try reader.next()?.fields,
              let timeIndex = header.firstIndex(of: "time_s"), let clusterIndex = header.firstIndex(of: "cluster") else {
            throw InputError("\(path): no header with time_s and cluster")
        }
        var indices: [(String, Int)] = []
        for c in columns {
            guard let i = header.firstIndex(of: c) else { throw InputError("\(path): no column \(c)") }
            indices.append((c, i))
        }
        // Clusters by first appearance; rows appended in place (no copy of a cluster's arrays per row).
        var position: [String: Int] = [:]
        var names: [String] = []
        var series: [ClusterSeries] = []
        while let record = try reader.next() {
            let f = record.fields
            guard f.count == header.count else { throw InputError("\(path):\(record.line): \(f.count) cells, expected \(header.count)") }
            let i: Int
            if let known = position[f[clusterIndex]] {
                i = known
            } else {
                i = series.count
                position[f[clusterIndex]] = i
                names.append(f[clusterIndex])
                series.append(ClusterSeries(time: [], values: Dictionary(uniqueKeysWithValues: columns.map { ($0, []) })))
            }
            series[i].time.append(Double(f[timeIndex]) ?? .nan)
            for (c, j) in indices { series[i].values[c]?.append(Double(f[j]) ?? .nan) }
        }
        return Dictionary(uniqueKeysWithValues: zip(names, series))
    }
}
