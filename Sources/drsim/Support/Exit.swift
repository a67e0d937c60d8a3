import ArgumentParser
import Experiments
import Foundation
import Scenarios

/// Maps library errors to messages on stderr and exit codes: 2 bad input, 1 runtime failure,
/// 130/143 interrupted (SIGINT/SIGTERM).
enum Exit {
    /// Prints `text` on stderr; control characters other than line breaks are escaped (a
    /// message may echo a value from the input, docs/reliability.md).
    static func stderr(_ text: String) {
        let safe = TerminalText.escaped(text, keepingNewlines: true)
        FileHandle.standardError.write(Data((safe.hasSuffix("\n") ? safe : safe + "\n").utf8))
    }

    /// Past `ulimit -f`, the kernel sends SIGXFSZ, whose default action kills the process with
    /// nothing said; ignored, the write fails with EFBIG instead, which drsim reports (exit 1,
    /// naming the file). Called by every subcommand that writes files.
    static func ignoreFileSizeSignal() {
        signal(SIGXFSZ, SIG_IGN)
    }

    static func fail(_ error: Error, signals: SignalTrap? = nil) -> ExitCode {
        switch error {
        case let e as ScenarioErrors:
            stderr(e.description)
            stderr("drsim: \(e.issues.count) problem\(e.issues.count == 1 ? "" : "s") in the scenario; nothing was run")
            return ExitCode(2)
        case let e as InputError:
            stderr("drsim: \(e.description)")
            return ExitCode(2)
        case let e as RunCancelled:
            stderr("drsim: interrupted; the partial run is kept, marked incomplete, in "
                   + (e.partialFolder.map { $0 + "/" } ?? "its .partial- folder"))
            return ExitCode(signals?.exitCode ?? 130)
        default:
            stderr("drsim: \(error)")
            return ExitCode(1)
        }
    }
}
