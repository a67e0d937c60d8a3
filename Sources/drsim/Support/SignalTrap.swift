import Dispatch
import Experiments
import Foundation

/// Turns SIGINT and SIGTERM into a ``CancellationFlag`` so runs stop cleanly between simulated
/// hours, flush their outputs and mark their manifests incomplete.
final class SignalTrap: @unchecked Sendable {
    let flag = CancellationFlag()
    private var sources: [DispatchSourceSignal] = []
    private let lock = NSLock()
    private var received: Int32 = 0

    init() {
        Exit.ignoreFileSizeSignal()
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in
                guard let self else { return }
                self.lock.withLock { if self.received == 0 { self.received = sig } }
                self.flag.cancel()
            }
            source.resume()
            sources.append(source)
        }
    }

    /// 130 after SIGINT, 143 after SIGTERM.
    var exitCode: Int32 { lock.withLock { received == SIGTERM ? 143 : 130 } }
}
