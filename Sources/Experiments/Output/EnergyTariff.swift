import Foundation
import Traces

/// What a kWh of facility energy costs and emits (docs/model.md "Power and energy", docs/planning.md): the scenario's
/// `price_per_kwh` and `co2_g_per_kwh`, or an hourly CO₂ intensity (`co2_trace`) instead of the
/// constant. `energy_cost` = facility kWh × price; `co2_kg` = Σ facility kWh × g/kWh / 1000.
public struct EnergyTariff: Sendable {
    /// Price per facility kWh, or nil (cost columns empty).
    public var pricePerKWh: Double?
    /// Constant grams of CO₂ per facility kWh, or nil.
    public var co2GramsPerKWh: Double?
    /// Grams of CO₂ per kWh for each hour from the scenario's start (repeated when the run is
    /// longer); when set it replaces ``co2GramsPerKWh``.
    public var co2HourlyGrams: [Double]?

    public init(pricePerKWh: Double? = nil, co2GramsPerKWh: Double? = nil, co2HourlyGrams: [Double]? = nil) {
        self.pricePerKWh = pricePerKWh
        self.co2GramsPerKWh = co2GramsPerKWh
        self.co2HourlyGrams = co2HourlyGrams
    }

    /// Whether CO₂ is reported.
    public var hasCO2: Bool { co2GramsPerKWh != nil || co2HourlyGrams?.isEmpty == false }

    /// The cost of `facilityKWh`, or nil without a price.
    public func cost(facilityKWh: Double) -> Double? { pricePerKWh.map { facilityKWh * $0 } }

    /// Grams of CO₂ per kWh during the hour that holds `seconds` since the start.
    public func gramsPerKWh(atSeconds seconds: Double) -> Double? {
        if let hourly = co2HourlyGrams, !hourly.isEmpty {
            let hour = Int((max(0, seconds) / 3_600).rounded(.down))
            return hourly[hour % hourly.count]
        }
        return co2GramsPerKWh
    }
}

extension EnergyTariff {
    /// Reads an hourly CO₂ intensity file (`co2_trace`): a CSV with a header holding `g_per_kwh`
    /// (other columns are ignored), one row per hour from the scenario's start, values ≥ 0.
    /// Throws ``InputError`` naming the file and line.
    public static func readHourlyCO2(_ url: URL) throws -> [Double] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw InputError("co2_trace: \(url.path): no such file")
        }
        var reader = CSVRecordReader(data: data, file: url.path)
        do {
            guard let header = try reader.next(), let column = header.fields.firstIndex(of: "g_per_kwh") else {
                throw InputError("co2_trace: \(url.path):1: the header has no column g_per_kwh")
            }
            var values: [Double] = []
            while let record = try reader.next() {
                let cell = column < record.fields.count ? record.fields[column].trimmingCharacters(in: .whitespaces) : ""
                guard let value = Double(cell), value.isFinite, value >= 0 else {
                    throw InputError("co2_trace: \(url.path):\(record.line): g_per_kwh '\(cell)' is not a number ≥ 0")
                }
                values.append(value)
            }
            guard !values.isEmpty else { throw InputError("co2_trace: \(url.path): no rows") }
            return values
        } catch let error as CSVError {
            throw InputError("co2_trace: \(error)")
        }
    }
}

/// Integrates CO₂ along one cluster's samples: the facility energy used between two samples is
/// charged at the intensity of the hour the interval starts in (exact for a constant intensity,
/// and for an hourly trace whenever the sample interval divides an hour).
struct EmissionMeter {
    let tariff: EnergyTariff
    private(set) var kilograms = 0.0
    private var lastKWh = 0.0
    private var lastSeconds = 0.0

    init(tariff: EnergyTariff) { self.tariff = tariff }

    /// CO₂ from t = 0 to a sample at `seconds` with cumulative facility energy `facilityKWh`.
    mutating func advance(toSeconds seconds: Double, facilityKWh: Double) -> Double? {
        guard let grams = tariff.gramsPerKWh(atSeconds: lastSeconds) else { return nil }
        kilograms += (facilityKWh - lastKWh) * grams / 1_000
        lastKWh = facilityKWh
        lastSeconds = seconds
        return kilograms
    }
}
