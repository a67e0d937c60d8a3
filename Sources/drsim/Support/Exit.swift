import ArgumentParser
import Experiments
import Foundation
import Scenarios

/// Maps library errors to messages on stderr and exit codes: 2 bad input, 1 runtime failure,
/// 130/143 interrupted (SIGINT/SIGTERM).
enum Exit {
    static func stderr(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
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
        case is RunCancelled:
            stderr("drsim: interrupted; the partial run is marked incomplete")
            return ExitCode(signals?.exitCode ?? 130)
        default:
            stderr("drsim: \(error)")
            return ExitCode(1)
        }
    }
}
