import ArgumentParser

/// Options every subcommand shares.
struct CommonOptions: ParsableArguments {
    @Flag(name: .long, help: "No progress line and no summary; errors still go to stderr.")
    var quiet = false
}

/// `--set PATH=VALUE` overrides.
struct OverrideOptions: ParsableArguments {
    @Option(name: .customLong("set"), help: ArgumentHelp(
        "Override a scenario key by its path, e.g. duration=2d, drs.threshold=4, clusters.prod-a.dpm.enabled=true.",
        valueName: "PATH=VALUE"))
    var overrides: [String] = []
}
