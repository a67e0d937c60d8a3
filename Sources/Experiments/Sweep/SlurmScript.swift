import Foundation

/// The submit script `drsim sweep --emit-slurm N` prints (docs/sweeps.md): run on a machine where
/// `sbatch` works, it submits an N-task job array (task i runs `drsim sweep --shard i/N`, every
/// task writing into the same results folder on a shared file system) and a merge job that
/// starts when every task succeeded (`afterok`) and writes `sweep.csv` and `comparison.csv`.
public struct SlurmScript: Sendable {
    /// Absolute path of the drsim binary the tasks run.
    public var drsimPath: String
    /// Absolute path of the scenario file.
    public var scenarioPath: String
    /// Absolute results root.
    public var outDir: String
    /// The sweep folder's name under `outDir` (the scenario name made safe).
    public var sweepName: String
    /// The `drsim sweep` options every task repeats (`--set`, `--replications`, `--check-invariants`).
    public var sweepOptions: [String]
    /// Number of array tasks.
    public var shards: Int
    /// CPUs per task; each task runs that many runs at once (`--jobs`).
    public var cpusPerTask: Int
    /// A line for the header comment (what the sweep is).
    public var description: String

    /// The script text.
    public var text: String {
        let folder = outDir + "/" + sweepName
        var task = [drsimPath, "sweep", scenarioPath, "--out", outDir] + sweepOptions
        task += ["--jobs", String(cpusPerTask), "--quiet"]
        let taskCommand = "exec " + task.map(Self.quoted).joined(separator: " ") + " --shard \"$SLURM_ARRAY_TASK_ID/\(shards)\""
        let mergeCommand = "exec " + [drsimPath, "merge", folder, "--quiet"].map(Self.quoted).joined(separator: " ")
        let jobName = "drsim-" + sweepName.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" }
        return """
        #!/usr/bin/env bash
        # drsim sweep on Slurm, written by `drsim sweep --emit-slurm \(shards)`.
        # \(description)
        #
        # Run it where sbatch works (a login node): `bash THIS_FILE [--wait]`. It submits a \(shards)-task job
        # array (task i runs `drsim sweep --shard i/\(shards)`, a deterministic slice of the runs) and a merge
        # job that starts once every task succeeded and writes sweep.csv and comparison.csv into
        #   \(folder)/
        # The drsim binary, the scenario and that folder must be reachable from the compute nodes
        # (a shared file system). Task logs: \(folder)/slurm-logs/.
        # A task failed or timed out? Run this script again: completed runs are skipped.
        # --wait: return when the merge job ends, with its exit code.
        # More sbatch options (partition, time limit, account): SBATCH_EXTRA="--partition=batch --time=2:00:00".
        set -euo pipefail
        wait_flag=()
        if [ "${1:-}" = "--wait" ]; then wait_flag=(--wait); fi
        read -r -a extra <<< "${SBATCH_EXTRA:-}"
        logs=\(Self.quoted(folder + "/slurm-logs"))
        mkdir -p "$logs"
        array_job=$(sbatch --parsable "${extra[@]}" --job-name=\(Self.quoted(jobName)) --array=1-\(shards) \\
            --cpus-per-task=\(cpusPerTask) --output="$logs/shard-%a.out" <<'\(Self.heredocEnd)'
        #!/bin/sh
        \(taskCommand)
        \(Self.heredocEnd)
        )
        array_job=${array_job%%;*}
        echo "submitted job array $array_job (\(shards) shards)"
        merge_job=$(sbatch --parsable "${extra[@]}" --job-name=\(Self.quoted(jobName + "-merge")) \\
            --dependency="afterok:$array_job" --kill-on-invalid-dep=yes --output="$logs/merge.out" "${wait_flag[@]}" <<'\(Self.heredocEnd)'
        #!/bin/sh
        \(mergeCommand)
        \(Self.heredocEnd)
        )
        echo "submitted merge job ${merge_job%%;*} (runs when every shard succeeded)"

        """
    }

    /// The heredoc terminator: the job bodies are single lines that start with `exec` (their values
    /// hold no control characters, ``SweepRunner/slurmScript(_:shards:cpusPerTask:drsimPath:)``
    /// refuses them), so no body line can equal it.
    static let heredocEnd = "DRSIM_END_OF_JOB_SCRIPT"

    /// `text` quoted for a POSIX shell: in single quotes, each `'` written as `'\''`.
    public static func quoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
