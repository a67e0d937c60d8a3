extension ScenarioSpec {
    /// Reads a whole scenario document (its top-level mapping).
    init(reading m: MappingReader) {
        self.init(name: "", duration: .zero, hostProfiles: [], vmProfiles: [], clusters: [])
        schemaVersion = m.required("schema_version") { $0.int() } ?? 1
        name = m.required("name") { $0.string() } ?? ""
        if let value = m.uint64("seed") { seed = value }
        if let value = m.timestamp("start") { start = value }
        duration = m.required("duration") { $0.duration() } ?? .zero
        if let value = m.duration("sample_interval") { sampleInterval = value }
        if let value = m.double("pue") { pue = value }
        pricePerKWh = m.double("price_per_kwh")
        co2GramsPerKWh = m.double("co2_g_per_kwh")
        drs = m.mapping("drs") { DRSSpec(reading: $0, defaults: DRSSpec()) } ?? DRSSpec()
        dpm = m.mapping("dpm") { DPMSpec(reading: $0, defaults: DPMSpec()) } ?? DPMSpec()
        vmotion = m.mapping("vmotion") { VMotionSpec(reading: $0, defaults: VMotionSpec()) } ?? VMotionSpec()
        ha = m.mapping("ha") { HASpec(reading: $0, defaults: HASpec()) } ?? HASpec()
        hostProfiles = m.required("host_profiles") { $0.list { $0.mapping(HostProfileSpec.init(reading:)) } } ?? []
        vmProfiles = m.required("vm_profiles") { $0.list { $0.mapping(VMProfileSpec.init(reading:)) } } ?? []
        let inherited = ClusterSpec.InheritedSettings(drs: drs, dpm: dpm, vmotion: vmotion, ha: ha)
        clusters = m.required("clusters") { node in
            node.list { $0.mapping { ClusterSpec(reading: $0, inherited: inherited) } }
        } ?? []
        events = m.list("events") { $0.mapping(EventSpec.init(reading:)) } ?? []
        maintenanceWindows = m.list("maintenance_windows") { $0.mapping(MaintenanceWindowSpec.init(reading:)) } ?? []
        failures = m.mapping("failures", FailuresSpec.init(reading:))
        sweep = m.mapping("sweep", SweepSpec.init(reading:))
    }
}
