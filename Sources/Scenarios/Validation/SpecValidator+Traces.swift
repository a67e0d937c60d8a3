import Foundation

extension SpecValidator {
    /// Trace files and folders must exist; a folder must hold a file for every VM that uses it.
    /// Relative paths resolve against the scenario file's folder.
    func checkTraces(_ expansion: EntityExpansion) {
        guard let baseDirectory else { return }
        var vmsPerProfile = [Int](repeating: 0, count: spec.vmProfiles.count)
        for cluster in expansion.clusters {
            for vm in cluster.vms { vmsPerProfile[vm.profileIndex] += 1 }
        }
        for (index, profile) in spec.vmProfiles.enumerated() {
            guard let trace = profile.workload.trace, !trace.path.trimmingWhitespace().isEmpty else { continue }
            let path = SpecPath.root.key("vm_profiles").index(index).key("workload").key("trace").key("path")
            let url = trace.location(relativeTo: baseDirectory)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                report("trace \(trace.format == .planetlab ? "folder" : "file") '\(trace.path)' does not exist "
                       + "(looked for \(url.path))", at: path)
                continue
            }
            guard isDirectory.boolValue else {
                require(trace.format == .csv, "a planetlab trace path must be a folder of per-VM files, '\(trace.path)' is a file",
                        at: path)
                continue
            }
            let files = trace.files(relativeTo: baseDirectory)
            let needed = trace.startIndex + vmsPerProfile[index]
            if files.count < needed {
                report("trace folder '\(trace.path)' has \(files.count) files but start_index \(trace.startIndex) + "
                       + "\(vmsPerProfile[index]) VMs of profile '\(profile.name)' need \(needed)", at: path)
            }
        }
    }
}
