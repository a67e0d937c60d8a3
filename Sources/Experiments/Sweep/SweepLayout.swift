import Foundation

/// What a sweep folder holds, written as `sweep-plan.json` beside `runs/` (docs/outputs.md, docs/sweeps.md): the
/// axes, the configurations in order (id, folder slug, axis values, fingerprint of the resolved
/// scenario), the baseline, the replications and the base seed.
///
/// Every shard of a sweep writes the same file, so `drsim merge` can rebuild the tables from the
/// shard folders alone and refuse folders that come from different sweeps.
public struct SweepLayout: Codable, Equatable, Sendable {
    /// One configuration of the sweep.
    public struct Configuration: Codable, Equatable, Sendable {
        /// Configuration id (`drs.threshold=4,dpm.enabled=true`, or `base`).
        public var id: String
        /// Folder name under `runs/`.
        public var slug: String
        /// The axis values, in axis order, as written.
        public var values: [String]
        /// FNV-1a 64 of the configuration's `scenario.resolved.yaml`, in hex: a run folder belongs
        /// to this configuration only when its resolved scenario has this fingerprint.
        public var scenarioFingerprint: String

        enum CodingKeys: String, CodingKey {
            case id, slug, values, scenarioFingerprint = "scenario_fingerprint"
        }
    }

    public var drsimVersion = DRSimVersion.current
    /// Scenario name (the sweep folder is `<out>/<name>/`).
    public var scenario: String
    /// Axis key paths, in order.
    public var axes: [String]
    public var configurations: [Configuration]
    /// Index of the baseline configuration in ``configurations``.
    public var baselineIndex: Int
    /// Replications per configuration.
    public var replications: Int
    /// The scenario's seed; replication k uses `seed + k`.
    public var seed: UInt64

    enum CodingKeys: String, CodingKey {
        case drsimVersion = "drsim_version", scenario, axes, configurations
        case baselineIndex = "baseline_index", replications, seed
    }

    /// The file name inside a sweep folder.
    public static let fileName = "sweep-plan.json"

    /// Every run of the sweep, configuration by configuration, replications in order.
    public var runs: [SweepRunID] {
        configurations.indices.flatMap { c in (0..<replications).map { SweepRunID(configuration: c, replication: $0) } }
    }

    /// The master seed of replication `k` (wrapping, as ``ModelBuilder`` does).
    public func seed(forReplication k: Int) -> UInt64 { seed &+ UInt64(k) }

    /// The run folder of `run` inside the sweep folder `sweepFolder`.
    public func folder(of run: SweepRunID, in sweepFolder: URL) -> URL {
        sweepFolder.appendingPathComponent("runs").appendingPathComponent(configurations[run.configuration].slug)
            .appendingPathComponent("rep-\(run.replication)")
    }

    /// `configuration/rep-k`, for messages.
    public func label(of run: SweepRunID) -> String {
        "\(configurations[run.configuration].slug)/rep-\(run.replication)"
    }

    /// The JSON text (sorted keys, so every shard writes the same bytes).
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Writes `sweep-plan.json` into `folder` (through a temporary file and a rename, so shards
    /// writing the same file at once never leave a torn one).
    public func write(into folder: URL) throws {
        let url = folder.appendingPathComponent(Self.fileName)
        let data = try jsonData()
        if FileManager.default.contents(atPath: url.path) == data { return }
        try AtomicFile.write(data, to: url)
    }

    /// Reads `sweep-plan.json` from the sweep folder `folder`.
    public static func read(from folder: URL) throws -> SweepLayout {
        let path = folder.appendingPathComponent(fileName).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError("\(folder.path): not a sweep folder (no \(fileName))")
        }
        let layout: SweepLayout
        do {
            layout = try JSONDecoder().decode(SweepLayout.self, from: data)
        } catch {
            throw InputError("\(path): unreadable sweep plan (\(error))")
        }
        if let problem = layout.problem { throw InputError("\(path): \(problem)") }
        return layout
    }

    /// What makes a (hand-edited) plan unusable, or nil: counts and indices out of range, or a
    /// slug that is not a plain folder name.
    var problem: String? {
        if configurations.isEmpty { return "no configurations" }
        if replications < 1 { return "replications must be at least 1" }
        if !configurations.indices.contains(baselineIndex) { return "baseline_index \(baselineIndex) is out of range" }
        if configurations.count.multipliedReportingOverflow(by: replications).overflow { return "too many runs" }
        for c in configurations {
            if c.values.count != axes.count { return "configuration \(c.id) has \(c.values.count) values for \(axes.count) axes" }
            let plain = !c.slug.isEmpty && !c.slug.hasPrefix(".")
                && c.slug.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "._+-".contains($0)) }
            if !plain { return "configuration \(c.id) has an unsafe folder name '\(c.slug)'" }
        }
        return nil
    }

    /// FNV-1a 64 of `text`'s UTF-8 bytes, 16 hex digits.
    public static func fingerprint(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// One run of a sweep: configuration index and replication.
public struct SweepRunID: Hashable, Sendable {
    public var configuration: Int
    public var replication: Int
    public init(configuration: Int, replication: Int) {
        self.configuration = configuration
        self.replication = replication
    }
}
