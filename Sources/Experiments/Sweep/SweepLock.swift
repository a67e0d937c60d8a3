import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps two sweeps from working in one folder at once (docs/sweeps.md "One sweep per folder"):
/// a whole sweep holds `.drsim-sweep.lock` exclusively; a shard holds it shared (the shards of
/// one sweep run side by side) and its own `.drsim-shard-i-of-N.lock` exclusively. `flock` locks
/// end with the process, so a killed sweep never leaves a stale lock. (On a network file system
/// without `flock` support the lock may be advisory only; shards there own disjoint runs.)
final class SweepLock {
    private var descriptors: [Int32] = []

    /// Takes the locks of `shard` in `folder`, or throws ``InputError`` naming the other sweep.
    init(folder: URL, shard: ShardSpec) throws {
        if shard.isWhole {
            try take(folder.appendingPathComponent(".drsim-sweep.lock"), exclusive: true)
        } else {
            try take(folder.appendingPathComponent(".drsim-sweep.lock"), exclusive: false)
            try take(folder.appendingPathComponent(".drsim-shard-\(shard.index)-of-\(shard.count).lock"), exclusive: true)
        }
    }

    deinit { for fd in descriptors { close(fd) } }

    private func take(_ url: URL, exclusive: Bool) throws {
        let fd = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw OutputError(path: url.path, message: String(cString: strerror(errno))) }
        guard flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0 else {
            close(fd)
            throw InputError("another drsim sweep is working in \(url.deletingLastPathComponent().path) (\(url.lastPathComponent) "
                             + "is locked); wait for it to finish or choose another --out")
        }
        descriptors.append(fd)
    }
}
