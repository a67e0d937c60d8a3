import Yams

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
        co2Trace = m.string("co2_trace")
        growthPerMonth = m.double("growth_per_month")
        if let value = m.double("growth_offset_months") { growthOffsetMonths = value }
        licensePerCore = m.double("license_per_core")
        if let value = m.int("failed_largest_hosts") { failedLargestHosts = value }
        if let value = m.string("vsphere_version") { vsphereVersion = value }
        drs = m.mapping("drs") { DRSSpec(reading: $0, defaults: DRSSpec()) } ?? DRSSpec()
        dpm = m.mapping("dpm") { DPMSpec(reading: $0, defaults: DPMSpec()) } ?? DPMSpec()
        vmotion = m.mapping("vmotion") { VMotionSpec(reading: $0, defaults: VMotionSpec()) } ?? VMotionSpec()
        ha = m.mapping("ha") { HASpec(reading: $0, defaults: HASpec()) } ?? HASpec()
        hostProfiles = m.required("host_profiles") { $0.list { $0.mapping(HostProfileSpec.init(reading:)) } } ?? []
        vmProfiles = m.required("vm_profiles") { $0.list { $0.mapping(VMProfileSpec.init(reading:)) } } ?? []
        if let growthPerMonth { applyGrowthDefault(growthPerMonth, profiles: m.reader.node.value(forKey: "vm_profiles")) }
        let inherited = ClusterSpec.InheritedSettings(vsphereVersion: vsphereVersion, drs: drs, dpm: dpm, vmotion: vmotion, ha: ha)
        clusters = m.required("clusters") { node in
            node.list { $0.mapping { ClusterSpec(reading: $0, inherited: inherited) } }
        } ?? []
        events = m.list("events") { $0.mapping(EventSpec.init(reading:)) } ?? []
        maintenanceWindows = m.list("maintenance_windows") { $0.mapping(MaintenanceWindowSpec.init(reading:)) } ?? []
        failures = m.mapping("failures", FailuresSpec.init(reading:))
        sweep = m.mapping("sweep", SweepSpec.init(reading:))
    }
}

extension ScenarioSpec {
    /// Gives `growth` to every VM profile with a CPU model whose `workload.cpu` block in the file
    /// (`profiles`, the `vm_profiles` node) does not set `growth_per_month` itself.
    mutating func applyGrowthDefault(_ growth: Double, profiles: Node?) {
        guard case .sequence(let nodes)? = profiles else { return }
        for (index, node) in nodes.enumerated() where vmProfiles.indices.contains(index) {
            let own = node.value(forKey: "workload")?.value(forKey: "cpu")?.value(forKey: "growth_per_month")
            guard own == nil || own?.isNull == true, vmProfiles[index].workload.cpu != nil else { continue }
            vmProfiles[index].workload.cpu?.growthPerMonth = growth
        }
    }
}
