import Foundation

/// A deterministic slice of a sweep's run list (`--shard i/N`, docs/sweeps.md): shard `i` of `N`
/// (1-based, as Slurm array task ids usually are) holds the runs whose 0-based position in the
/// full run list (configuration order, then replication) is congruent to `i − 1` modulo `N`.
///
/// Round-robin rather than contiguous blocks, so every shard gets a share of every configuration
/// and the shards take about the same time even when configurations differ in cost.
public struct ShardSpec: Hashable, Sendable, CustomStringConvertible {
    /// 1-based shard number, `1...count`.
    public let index: Int
    /// Number of shards, ≥ 1.
    public let count: Int

    /// The whole sweep (`1/1`).
    public static let whole = ShardSpec(uncheckedIndex: 1, count: 1)

    /// Shard `index` of `count`; throws ``InputError`` unless `1 <= index <= count`.
    public init(index: Int, count: Int) throws {
        guard count >= 1 else { throw InputError("--shard \(index)/\(count): the number of shards must be at least 1") }
        guard index >= 1, index <= count else {
            throw InputError("--shard \(index)/\(count): the shard number must be between 1 and \(count)")
        }
        self.init(uncheckedIndex: index, count: count)
    }

    private init(uncheckedIndex index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// Parses `i/N`, e.g. `2/8`.
    public static func parse(_ text: String) throws -> ShardSpec {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2,
              let index = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let count = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw InputError("--shard '\(text)': expected i/N with whole numbers, e.g. 2/8 (shard 2 of 8)")
        }
        return try ShardSpec(index: index, count: count)
    }

    /// Whether the run at 0-based `position` of the full run list belongs to this shard.
    public func contains(position: Int) -> Bool { position % count == index - 1 }

    /// True for `1/1`.
    public var isWhole: Bool { count == 1 }

    /// `i/N`.
    public var description: String { "\(index)/\(count)" }
}
