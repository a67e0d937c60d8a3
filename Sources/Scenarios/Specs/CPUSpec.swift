/// A host's processors (docs/scenario-format.md "Host profiles"): capacity = sockets × cores per socket × MHz.
public struct CPUSpec: Codable, Hashable, Sendable {
    /// Processor vendor; vMotion never crosses vendors.
    public enum Vendor: String, SpecEnum {
        case intel, amd
    }

    /// Vendor. Default `intel`.
    public var vendor = Vendor.intel
    /// Microarchitecture generation, one of ``CPUGenerationCatalog`` names for the vendor (EVC
    /// baselines: `haswell`, `icelake`, `zen3`, …). Default: the vendor's newest generation.
    public var generation: String
    /// Sockets (required, ≥ 1).
    public var sockets: Int
    /// Cores per socket (required, ≥ 1).
    public var coresPerSocket: Int
    /// Core clock in MHz (required, ≥ 1).
    public var mhz: Int

    /// Creates a CPU description.
    public init(vendor: Vendor = .intel, generation: String? = nil, sockets: Int, coresPerSocket: Int, mhz: Int) {
        self.vendor = vendor
        self.generation = generation ?? CPUGenerationCatalog.newest(for: vendor)
        self.sockets = sockets
        self.coresPerSocket = coresPerSocket
        self.mhz = mhz
    }

    /// Physical cores of the host (saturating at `Int.max`: validation bounds the factors, but
    /// it reads this before it has reported them).
    public var totalCores: Int {
        let (cores, overflow) = sockets.multipliedReportingOverflow(by: coresPerSocket)
        return overflow ? .max : cores
    }

    /// CPU capacity in MHz (saturating at `Int.max`).
    public var capacityMHz: Int {
        let (capacity, overflow) = totalCores.multipliedReportingOverflow(by: mhz)
        return overflow ? .max : capacity
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case vendor, generation, sockets
        case coresPerSocket = "cores_per_socket"
        case mhz
    }
}

extension CPUSpec {
    /// Reads a `cpu:` block of a host profile.
    init(reading m: MappingReader<CodingKeys>) {
        let vendor = m.enumValue(.vendor, Vendor.self) ?? .intel
        self.init(vendor: vendor,
                  generation: m.string(.generation),
                  sockets: m.required(.sockets) { $0.int() } ?? 0,
                  coresPerSocket: m.required(.coresPerSocket) { $0.int() } ?? 0,
                  mhz: m.required(.mhz) { $0.int() } ?? 0)
    }
}
