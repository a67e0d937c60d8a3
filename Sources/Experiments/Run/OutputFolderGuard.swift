import Foundation

/// What drsim may replace or write into (docs/outputs.md "Result folders"): a run replaces only
/// an earlier drsim run folder (one holding a drsim `manifest.json`) or an empty folder; a sweep
/// writes only into an empty folder or an earlier sweep folder (one holding `sweep-plan.json`).
/// Anything else at the path (a user's folder or file that happens to share the scenario's name)
/// is refused with an ``InputError`` before anything runs, so drsim never deletes it.
enum OutputFolderGuard {
    /// What is at a result path.
    enum Content: Equatable {
        case absent
        /// A symbolic link whose target is gone (a run that `drsim merge` linked from a shard folder
        /// since deleted): nothing to lose, replaced like an absent folder.
        case danglingLink
        case emptyFolder
        case runFolder
        case sweepFolder
        case other(String)
    }

    /// Classifies `url` without following a dangling link. `beforeListing` runs between the
    /// checks for a plan and a manifest and the folder's listing (tests use it to interleave
    /// another shard's writes there, the race the listing's own check closes).
    static func content(of url: URL, beforeListing: () -> Void = {}) -> Content {
        let fm = FileManager.default
        guard let attributes = try? fm.attributesOfItem(atPath: url.path) else { return .absent }
        if attributes[.type] as? FileAttributeType == .typeSymbolicLink, !fm.fileExists(atPath: url.path) {
            return .danglingLink
        }
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            return .other("it is a file, not a drsim result folder")
        }
        if fm.fileExists(atPath: url.appendingPathComponent(SweepLayout.fileName).path) { return .sweepFolder }
        if isDRSimManifest(url.appendingPathComponent("manifest.json")) { return .runFolder }
        beforeListing()
        guard let children = try? fm.contentsOfDirectory(atPath: url.path) else {
            return .other("it cannot be listed")
        }
        // Another shard of the same sweep may have put its plan in place (and started `runs/`)
        // between the check above and this listing: the plan decides, as above.
        if children.contains(SweepLayout.fileName) { return .sweepFolder }
        return children.allSatisfy(isStartOfASweep) ? .emptyFolder : .other("it is a folder that drsim did not write (no drsim manifest.json)")
    }

    /// What a sweep folder holds before its `sweep-plan.json` is in place: the sweep locks
    /// (`.drsim-*.lock`), the plan's temporary file, and the `slurm-logs/` folder the Slurm submit
    /// script makes before its tasks start (shards of one array start at the same moment).
    static func isStartOfASweep(_ name: String) -> Bool {
        (name.hasPrefix(".drsim-") && name.hasSuffix(".lock")) || name.hasPrefix(".\(SweepLayout.fileName).tmp-")
            || name == "slurm-logs"
    }

    /// Throws unless a run may be written to `folder`.
    static func checkRunFolder(_ folder: URL) throws {
        switch content(of: folder) {
        case .absent, .danglingLink, .emptyFolder, .runFolder: return
        case .sweepFolder:
            throw InputError("\(folder.path) holds a sweep of this scenario; a run would replace it. Choose another --out.")
        case .other(let why):
            throw InputError("\(folder.path) exists and \(why); drsim replaces only its own run folders. "
                             + "Move it away or choose another --out.")
        }
    }

    /// Throws unless a sweep may be written into `folder`.
    static func checkSweepFolder(_ folder: URL) throws {
        switch content(of: folder) {
        case .absent, .emptyFolder, .sweepFolder: return
        case .danglingLink:
            throw InputError("\(folder.path) is a link to a folder that no longer exists; remove it or choose another --out.")
        case .runFolder:
            throw InputError("\(folder.path) holds a single run of this scenario (drsim run); a sweep would mix with it. "
                             + "Choose another --out.")
        case .other(let why):
            throw InputError("\(folder.path) exists and \(why); a sweep writes only into an empty folder or an earlier "
                             + "sweep folder. Move it away or choose another --out.")
        }
    }

    /// Whether `url` is a `manifest.json` of a drsim run: a JSON object with a boolean
    /// `completed` (every manifest drsim writes has one, from the run's first second).
    static func isDRSimManifest(_ url: URL) -> Bool {
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return false }
        return object["completed"] is Bool
    }
}
