import Foundation

/// The library side of `drsim merge DIR...` (docs/sweeps.md): rebuilds `sweep.csv` and
/// `comparison.csv` from the folders of a sharded sweep.
///
/// Each DIR is a sweep folder (`<out>/<scenario name>`, holding `sweep-plan.json` and `runs/`) or a
/// results root holding exactly one. Every folder must come from the same sweep (the same
/// `sweep-plan.json`), and together they must hold every run. The tables go to `<out>/<scenario
/// name>/` with `--out`, else into the first sweep folder; runs that live in another folder are
/// linked into the output's `runs/` (symbolic links), so the output is a complete sweep folder.
/// The bytes are those a single-machine `drsim sweep` writes.
public enum SweepMerge {
    /// What a merge reports back.
    public struct Result: Sendable {
        /// The folder holding the merged tables.
        public let folder: String
        public let layout: SweepLayout
        /// Runs linked into the output folder from other folders.
        public let runsLinked: Int
        /// Folders under `runs/` that belong to no run of this sweep (`<slug>/rep-k`), for a warning.
        public var strayFolders: [String] = []
    }

    /// Merges `directories` into `outDir/<scenario name>/` (or the first sweep folder).
    public static func merge(_ directories: [String], outDir: String? = nil) throws -> Result {
        guard !directories.isEmpty else { throw InputError("merge needs at least one sweep folder") }
        let folders = try directories.map(sweepFolder)
        let layout = try SweepLayout.read(from: folders[0])
        for folder in folders.dropFirst() where try SweepLayout.read(from: folder) != layout {
            throw InputError("\(folder.path) and \(folders[0].path) hold different sweeps (their \(SweepLayout.fileName) differ)")
        }
        let tables = try SweepRunner.tables(layout, folders: folders)
        let output = outDir.map { URL(fileURLWithPath: $0).appendingPathComponent(RunFolder.safeName(layout.scenario)) }
            ?? folders[0]
        try OutputFolderGuard.checkSweepFolder(output)
        do {
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: output.path, message: "cannot create folder (\(error.localizedDescription))")
        }
        let linked = try linkRuns(layout, from: folders, into: output)
        try layout.write(into: output)
        try tables.write(into: output)
        var result = Result(folder: output.path, layout: layout, runsLinked: linked)
        result.strayFolders = strayFolders(layout, in: output)
        return result
    }

    /// `path` itself when it holds `sweep-plan.json`, else its only subfolder that does.
    static func sweepFolder(_ path: String) throws -> URL {
        let url = URL(fileURLWithPath: path)
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw InputError("\(path): no such folder")
        }
        if fm.fileExists(atPath: url.appendingPathComponent(SweepLayout.fileName).path) { return url }
        let children = ((try? fm.contentsOfDirectory(atPath: url.path)) ?? []).sorted()
            .map { url.appendingPathComponent($0) }
            .filter { fm.fileExists(atPath: $0.appendingPathComponent(SweepLayout.fileName).path) }
        guard children.count == 1, let only = children.first else {
            throw InputError(children.isEmpty
                ? "\(path): not a sweep folder (no \(SweepLayout.fileName), here or in a subfolder)"
                : "\(path) holds \(children.count) sweeps (\(children.map(\.lastPathComponent).joined(separator: ", "))): name one")
        }
        return only
    }

    /// Links into `output/runs/` every completed run that is only found in another folder.
    static func linkRuns(_ layout: SweepLayout, from folders: [URL], into output: URL) throws -> Int {
        let fm = FileManager.default
        let outputPath = output.standardizedFileURL.path
        var linked = 0
        for run in layout.runs {
            let target = layout.folder(of: run, in: output)
            let seed = layout.seed(forReplication: run.replication)
            let fingerprint = layout.configurations[run.configuration].scenarioFingerprint
            // A completed run of this sweep stays. A dangling link (its shard folder was deleted)
            // or a stale run (another plan, interrupted) is replaced by a link when another
            // folder holds the run; else it stays and the tables report the run missing.
            let content = OutputFolderGuard.content(of: target)
            if content == .runFolder,
               SweepRunFolder(url: target).completedSummary(seed: seed, fingerprint: fingerprint) != nil { continue }
            guard content == .absent || content == .danglingLink || content == .runFolder else { continue }
            guard let source = folders.first(where: {
                $0.standardizedFileURL.path != outputPath
                    && SweepRunFolder(url: layout.folder(of: run, in: $0)).completedSummary(seed: seed, fingerprint: fingerprint) != nil
            }) else { continue }
            let sourcePath = layout.folder(of: run, in: source).standardizedFileURL.path
            do {
                try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                if content != .absent { try fm.removeItem(at: target) }
                try fm.createSymbolicLink(atPath: target.path, withDestinationPath: sourcePath)
            } catch {
                throw OutputError(path: target.path, message: "cannot link the run (\(error.localizedDescription))")
            }
            linked += 1
        }
        return linked
    }

    /// The folders under `output/runs/` that are no run of `layout` (`<slug>/rep-k`), sorted.
    static func strayFolders(_ layout: SweepLayout, in output: URL) -> [String] {
        let fm = FileManager.default
        let runs = output.appendingPathComponent("runs")
        let expected = Set(layout.runs.map { layout.label(of: $0) })
        var stray: [String] = []
        for slug in ((try? fm.contentsOfDirectory(atPath: runs.path)) ?? []).sorted() where !slug.hasPrefix(".") {
            let reps = (try? fm.contentsOfDirectory(atPath: runs.appendingPathComponent(slug).path)) ?? []
            if reps.isEmpty { stray.append(slug); continue }
            for rep in reps.sorted() where !rep.hasPrefix(".") && !expected.contains("\(slug)/\(rep)") {
                stray.append("\(slug)/\(rep)")
            }
        }
        return stray
    }
}
