import ArgumentParser

/// `drsim`: simulate VMware-style clusters (DRS, DPM, vMotion) for capacity planning.
@main
struct DRSimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drsim",
        abstract: "Discrete-event simulator of vSphere clusters: DRS, DPM and vMotion, with CSV metrics.",
        discussion: "Start with `drsim run` (the built-in demo) and read results/demo/. Docs: README.md and docs/.",
        version: "0.1.0",
        subcommands: [Run.self, Validate.self, Sweep.self, Merge.self, Plan.self, Import.self, Columns.self]
    )
}
