import Foundation

/// Reads generic CSV utilization traces.
///
/// Layout: a header row, then one row per sample. Columns (names case-insensitive, any order,
/// other columns ignored):
/// - `time_s` — the sample's start, seconds from the start of the run (≥ 0, increasing per VM);
/// - `cpu_util` — CPU utilization as a 0–1 fraction, or `cpu_pct` — the same in percent (0–100);
/// - `mem_util` / `mem_pct` — optional memory utilization, same scales;
/// - `vm` — optional: one file holding several VMs' traces, rows in any order between VMs.
///
/// Separators `,` `;` or tab (a `;` file may use decimal commas), quotes, a BOM and CRLF are read
/// by ``CSVTable``. A broken row is an error naming the file, the line and the column.
public enum CSVTraceReader {
    /// Reads a single-VM trace. A file whose `vm` column names more than one VM is an error.
    public static func read(file: URL) throws -> UtilizationTrace {
        let traces = try readMulti(file: file)
        guard traces.count == 1 else {
            throw TraceError(file: file.path, line: nil,
                             message: "holds the traces of \(traces.count) VMs (vm column); expected one")
        }
        return traces[0].trace
    }

    /// Reads a file with a `vm` column: one trace per distinct VM, in order of first appearance.
    /// A file without a `vm` column gives one trace named after the file (without extension).
    public static func readMulti(file: URL) throws -> [(vm: String, trace: UtilizationTrace)] {
        let data: Data
        do {
            data = try CSVTable.load(file)
        } catch let error as CSVError {
            throw TraceError(file: error.file, line: nil, message: error.message)
        }
        let defaultName = file.deletingPathExtension().lastPathComponent
        return try parse(data, file: file.path, defaultVMName: defaultName)
    }

    /// Parses CSV trace text; `defaultVMName` names the trace of a file without a `vm` column.
    public static func parse(_ data: Data, file: String, defaultVMName: String) throws
        -> [(vm: String, trace: UtilizationTrace)] {
        var reader = CSVRecordReader(data: data, file: file)
        var builders: [CSVTraceBuilder] = []
        var builderIndex: [String: Int] = [:]
        do {
            guard let header = try reader.next() else {
                throw TraceError(file: file, line: nil, message: "the file is empty (expected a header time_s,cpu_util[,mem_util])")
            }
            let layout = try CSVTraceColumns(header: header.fields, file: file, line: header.line)
            while let (fields, line) = try reader.next() {
                let vm = layout.vm.map { $0 < fields.count ? fields[$0] : "" } ?? defaultVMName
                let index: Int
                if let known = builderIndex[vm] {
                    index = known
                } else {
                    index = builders.count
                    builderIndex[vm] = index
                    builders.append(CSVTraceBuilder(vm: vm, hasMemory: layout.memory != nil, namedByColumn: layout.vm != nil))
                }
                let row = try layout.values(fields, decimalComma: reader.allowsDecimalComma, file: file, line: line)
                try builders[index].append(row, file: file, line: line)
            }
        } catch let error as CSVError {
            throw TraceError(file: error.file, line: error.line, message: error.message)
        }
        guard !builders.isEmpty else {
            throw TraceError(file: file, line: nil, message: "the trace file holds no samples")
        }
        return builders.map { ($0.vm, $0.trace()) }
    }
}
