extension SpecValidator {
    /// schema_version, name, times, energy factors.
    func checkTopLevel() {
        let root = SpecPath.root
        require(spec.schemaVersion == 1, "unsupported schema_version \(spec.schemaVersion) (this drsim reads 1)",
                at: root.key("schema_version"))
        checkName(spec.name, what: "scenario name", at: root.key("name"))
        require(!spec.name.contains("/") && spec.name != "." && spec.name != "..",
                "scenario name '\(spec.name)' names its output folder: no '/', '.' or '..'", at: root.key("name"))
        require(spec.duration > .zero, "duration must be longer than 0s", at: root.key("duration"))
        require(spec.sampleInterval > .zero, "sample_interval must be longer than 0s", at: root.key("sample_interval"))
        require(spec.sampleInterval <= spec.duration || spec.duration == .zero,
                "sample_interval (\(spec.sampleInterval)) is longer than duration (\(spec.duration))",
                at: root.key("sample_interval"))
        require(spec.pue >= 1, "pue must be at least 1.0 (got \(Self.show(spec.pue)))", at: root.key("pue"))
        if spec.pue >= 1 { requireRange(spec.pue, SpecBounds.pue, "pue", at: root) }
        if spec.sampleInterval > .zero {
            require(spec.sampleInterval >= SpecBounds.shortestPeriod, "sample_interval must be at least 1s", at: root.key("sample_interval"))
        }
        if let price = spec.pricePerKWh {
            require(price >= 0, "price_per_kwh must not be negative", at: root.key("price_per_kwh"))
            if price >= 0 { requireRange(price, SpecBounds.price, "price_per_kwh", at: root) }
        }
        if let co2 = spec.co2GramsPerKWh {
            require(co2 >= 0, "co2_g_per_kwh must not be negative", at: root.key("co2_g_per_kwh"))
            if co2 >= 0 { requireRange(co2, SpecBounds.price, "co2_g_per_kwh", at: root) }
        }
        if spec.co2Trace != nil && spec.co2GramsPerKWh != nil {
            report("give co2_g_per_kwh or co2_trace, not both", at: root.key("co2_trace"))
        }
        if let trace = spec.co2Trace, trace.trimmingWhitespace().isEmpty {
            report("co2_trace must name a CSV file", at: root.key("co2_trace"))
        }
        if let growth = spec.growthPerMonth {
            require(growth > -1, "growth_per_month must be above -1 (got \(Self.show(growth)))", at: root.key("growth_per_month"))
        }
        if let license = spec.licensePerCore {
            require(license >= 0, "license_per_core must not be negative", at: root.key("license_per_core"))
        }
        require(spec.growthOffsetMonths.isFinite && abs(spec.growthOffsetMonths) <= 1_200,
                "growth_offset_months must be within ±1200 (got \(Self.show(spec.growthOffsetMonths)))",
                at: root.key("growth_offset_months"))
        require(spec.failedLargestHosts >= 0, "failed_largest_hosts must not be negative (got \(spec.failedLargestHosts))",
                at: root.key("failed_largest_hosts"))
    }

    /// A name must pass ``EntityNaming/nameProblem(_:)`` (it goes into CSV cells, messages and folder names).
    func checkName(_ name: String, what: String, at path: SpecPath) {
        if let problem = EntityNaming.nameProblem(name) { report("\(what) \(problem)", at: path) }
    }

    /// The scenario-level drs/dpm/vmotion/ha blocks.
    func checkSettings(spec: ScenarioSpec) {
        checkDRS(spec.drs, inherited: nil, at: SpecPath.root.key("drs"))
        checkDPM(spec.dpm, inherited: nil, at: SpecPath.root.key("dpm"))
        checkVMotion(spec.vmotion, inherited: nil, at: SpecPath.root.key("vmotion"))
        checkAdmissionControl(spec.ha, inherited: nil, at: SpecPath.root.key("ha"))
    }

    /// Checks DRS settings; with `inherited`, only the values the cluster changed are checked (the
    /// inherited ones were checked once at the scenario level).
    func checkDRS(_ drs: DRSSpec, inherited: DRSSpec?, at path: SpecPath) {
        func own<V: Equatable>(_ key: KeyPath<DRSSpec, V>) -> Bool { inherited.map { $0[keyPath: key] != drs[keyPath: key] } ?? true }
        if own(\.threshold) {
            require((1...5).contains(drs.threshold), "threshold must be 1…5 (got \(drs.threshold))", at: path.key("threshold"))
        }
        if own(\.period) {
            require(drs.period > .zero, "period must be longer than 0s", at: path.key("period"))
            if drs.period > .zero { require(drs.period >= SpecBounds.shortestPeriod, "period must be at least 1s", at: path.key("period")) }
        }
        if own(\.demandWindow) {
            require(drs.demandWindow > .zero, "demand_window must be longer than 0s", at: path.key("demand_window"))
        }
    }

    /// Checks DPM settings (see ``checkDRS(_:inherited:at:)`` for `inherited`).
    func checkDPM(_ dpm: DPMSpec, inherited: DPMSpec?, at path: SpecPath) {
        func own<V: Equatable>(_ key: KeyPath<DPMSpec, V>) -> Bool { inherited.map { $0[keyPath: key] != dpm[keyPath: key] } ?? true }
        if own(\.threshold) {
            require((1...5).contains(dpm.threshold), "threshold must be 1…5 (got \(dpm.threshold))", at: path.key("threshold"))
        }
        let target = dpm.targetUtilization
        let tolerance = dpm.tolerance
        if own(\.targetUtilization) {
            require(target > 0 && target < 1, "target_utilization must be between 0 and 1 (got \(Self.show(target)))",
                    at: path.key("target_utilization"))
        }
        if own(\.tolerance) || own(\.targetUtilization) {
            if tolerance < 0 || tolerance >= 1 {
                report("tolerance must be between 0 and 1 (got \(Self.show(tolerance)))", at: path.key("tolerance"))
            } else if target > 0, target < 1, target - tolerance <= 0 || target + tolerance > 1 {
                report("target_utilization ± tolerance must stay within 0…1 (got \(Self.show(target)) ± \(Self.show(tolerance)))",
                       at: path.key("tolerance"))
            }
        }
        if own(\.historyPowerOn) {
            require(dpm.historyPowerOn > .zero, "history_power_on must be longer than 0s", at: path.key("history_power_on"))
        }
        if own(\.historyPowerOff) {
            require(dpm.historyPowerOff > .zero, "history_power_off must be longer than 0s", at: path.key("history_power_off"))
        }
        if let minimum = dpm.minHostsOn, own(\.minHostsOn) {
            require(minimum >= 1, "min_hosts_on must be at least 1 (got \(minimum))", at: path.key("min_hosts_on"))
            if minimum >= 1 { requireRange(minimum, SpecBounds.count, "min_hosts_on", at: path) }
        }
    }

    /// Checks vMotion settings (see ``checkDRS(_:inherited:at:)`` for `inherited`).
    func checkVMotion(_ vmotion: VMotionSpec, inherited: VMotionSpec?, at path: SpecPath) {
        func own<V: Equatable>(_ key: KeyPath<VMotionSpec, V>) -> Bool {
            inherited.map { $0[keyPath: key] != vmotion[keyPath: key] } ?? true
        }
        if own(\.switchoverGoal) {
            require(vmotion.switchoverGoal > .zero, "switchover_goal must be longer than 0s", at: path.key("switchover_goal"))
        }
        if own(\.maxPrecopyRounds) {
            require(vmotion.maxPrecopyRounds >= 1, "max_precopy_rounds must be at least 1 (got \(vmotion.maxPrecopyRounds))",
                    at: path.key("max_precopy_rounds"))
            if vmotion.maxPrecopyRounds >= 1 {
                requireRange(vmotion.maxPrecopyRounds, SpecBounds.precopyRounds, "max_precopy_rounds", at: path)
            }
        }
        if own(\.nicEfficiency) {
            require(vmotion.nicEfficiency > 0 && vmotion.nicEfficiency <= 1,
                    "nic_efficiency must be in (0, 1] (got \(Self.show(vmotion.nicEfficiency)))", at: path.key("nic_efficiency"))
            if vmotion.nicEfficiency > 0 { requireRange(vmotion.nicEfficiency, SpecBounds.nicEfficiency, "nic_efficiency", at: path) }
        }
        if own(\.storageCopyMbps) {
            require(vmotion.storageCopyMbps > 0, "storage_copy_mbps must be positive", at: path.key("storage_copy_mbps"))
            if vmotion.storageCopyMbps > 0 { requireRange(vmotion.storageCopyMbps, SpecBounds.mbps, "storage_copy_mbps", at: path) }
        }
        if own(\.minStreamMbps) {
            require(vmotion.minStreamMbps > 0, "min_stream_mbps must be positive", at: path.key("min_stream_mbps"))
            if vmotion.minStreamMbps > 0 { requireRange(vmotion.minStreamMbps, SpecBounds.mbps, "min_stream_mbps", at: path) }
        }
    }

    /// Random failures.
    func checkFailures() {
        guard let failures = spec.failures else { return }
        let path = SpecPath.root.key("failures")
        require(failures.hostMTBF > .zero, "host_mtbf must be longer than 0s", at: path.key("host_mtbf"))
        require(failures.repairTime > .zero, "repair_time must be longer than 0s", at: path.key("repair_time"))
    }
}
