import Foundation
import Scenarios

extension SweepRunner {
    /// The Slurm submit script of `request` in `shards` array tasks of `cpusPerTask` CPUs each,
    /// running the binary at `drsimPath`. Checks the whole sweep first (bad input throws, as for
    /// a sweep); runs nothing and writes nothing.
    public static func slurmScript(_ request: SweepRequest, shards: Int, cpusPerTask: Int, drsimPath: String) throws -> SlurmScript {
        try refuseControlCharacters(["--out": [request.outDir], "the scenario path": [request.scenarioPath],
                                     "--set": request.settings, "--baseline": request.baseline, "the drsim path": [drsimPath]])
        let prepared = try PreparedSweep(request)
        let layout = prepared.layout
        try refuseControlCharacters(["the scenario name": [layout.scenario]])
        guard shards >= 1, shards <= layout.runs.count else {
            throw InputError("--emit-slurm \(shards): the number of shards must be between 1 and the sweep's "
                             + "\(layout.runs.count) runs")
        }
        guard cpusPerTask >= 1 else { throw InputError("--jobs must be at least 1 (got \(cpusPerTask))") }
        var options: [String] = []
        for setting in request.settings { options += ["--set", setting] }
        for b in request.baseline { options += ["--baseline", b] }
        if let r = request.replications { options += ["--replications", String(r)] }
        if request.checkInvariants { options.append("--check-invariants") }
        func absolute(_ path: String) -> String { URL(fileURLWithPath: path).standardizedFileURL.path }
        return SlurmScript(
            drsimPath: absolute(drsimPath), scenarioPath: absolute(request.scenarioPath), outDir: absolute(request.outDir),
            sweepName: prepared.folder.lastPathComponent, sweepOptions: options, shards: shards, cpusPerTask: cpusPerTask,
            description: "\(layout.scenario): \(SweepReport.counted(layout.configurations.count, "configuration")) × "
                + "\(SweepReport.counted(layout.replications, "replication")) = \(SweepReport.counted(layout.runs.count, "run")).")
    }

    /// The script runs on a login node: a newline in a path or value would end a comment line or
    /// the job's heredoc and run what follows. Every value written into it must be free of control
    /// characters (it is also quoted), else the request is refused.
    static func refuseControlCharacters(_ values: [String: [String]]) throws {
        for (what, texts) in values.sorted(by: { $0.key < $1.key }) {
            for text in texts where TerminalText.containsControl(text) {
                throw InputError("\(what) '\(TerminalText.escaped(text))' contains a control character; "
                                 + "the Slurm script cannot hold it safely")
            }
        }
    }
}
