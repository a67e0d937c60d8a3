/// A host's power model (docs/model.md "Power and energy"): `{model: linear, idle_w, max_w}`,
/// `{model: specpower, watts: [11 values]}` or `{builtin: hp_ml110_g4}` (a built-in SPECpower table).
///
/// Idle draws `idle_w` (never zero); a specpower table is interpolated linearly between its
/// 10 %-steps. The built-in name is kept as written; ``table`` gives its watts.
public struct PowerSpec: Codable, Hashable, Sendable {
    /// The shape of the power curve.
    public enum Model: String, SpecEnum {
        /// `idle_w + (max_w − idle_w) × utilization`.
        case linear
        /// 11 measured points at 0 %, 10 % … 100 % load.
        case specpower
    }

    /// The model. Required unless `builtin` is given (then `specpower`).
    public var model: Model
    /// Idle power, W (linear model).
    public var idleW: Double?
    /// Power at 100 % load, W (linear model).
    public var maxW: Double?
    /// Watts at 0 %, 10 % … 100 % load (specpower model, exactly 11 non-decreasing values).
    public var watts: [Double]?
    /// A built-in SPECpower table, instead of `watts`.
    public var builtin: BuiltinPowerTable?

    /// A linear model.
    public static func linear(idleW: Double, maxW: Double) -> PowerSpec {
        PowerSpec(model: .linear, idleW: idleW, maxW: maxW, watts: nil, builtin: nil)
    }

    /// A specpower model from 11 watt values.
    public static func specpower(watts: [Double]) -> PowerSpec {
        PowerSpec(model: .specpower, idleW: nil, maxW: nil, watts: watts, builtin: nil)
    }

    /// A built-in SPECpower table.
    public static func builtin(_ table: BuiltinPowerTable) -> PowerSpec {
        PowerSpec(model: .specpower, idleW: nil, maxW: nil, watts: nil, builtin: table)
    }

    /// The 11-point table of a specpower model (its `watts` or its built-in table), nil for linear.
    public var table: [Double]? {
        guard model == .specpower else { return nil }
        return builtin?.watts ?? watts
    }

    /// Power at 0 % load, W.
    public var idlePowerW: Double? { model == .linear ? idleW : table?.first }

    /// Power at 100 % load, W.
    public var maxPowerW: Double? { model == .linear ? maxW : table?.last }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case model
        case idleW = "idle_w"
        case maxW = "max_w"
        case watts, builtin
    }
}

extension PowerSpec {
    /// Reads a `power:` block; the presence checks that depend on the model are in validation.
    init(reading m: MappingReader<CodingKeys>) {
        let givenModel = m.enumValue(.model, Model.self)
        idleW = m.double(.idleW)
        maxW = m.double(.maxW)
        watts = m.list(.watts) { $0.double() }
        builtin = m.enumValue(.builtin, BuiltinPowerTable.self)
        if let givenModel {
            model = givenModel
        } else if builtin != nil || m.contains(.builtin) {
            model = .specpower
        } else {
            model = watts != nil ? .specpower : .linear
            if !m.contains(.model) {
                m.reader.reporter.report("missing required key 'model' (linear or specpower), or give 'builtin'",
                                         at: m.path.key("model"), node: m.reader.node)
            }
        }
    }
}
