import Yams

extension ScenarioSpec {
    /// Reads a whole scenario document (its top-level mapping).
    init(reading m: MappingReader<CodingKeys>) {
        self.init(name: "", duration: .zero, hostProfiles: [], vmProfiles: [], clusters: [])
        schemaVersion = m.required(.schemaVersion) { $0.int() } ?? 1
        name = m.required(.name) { $0.string() } ?? ""
        if let value = m.uint64(.seed) { seed = value }
        if let value = m.timestamp(.start) { start = value }
        duration = m.required(.duration) { $0.duration() } ?? .zero
        if let value = m.duration(.sampleInterval) { sampleInterval = value }
        if let value = m.double(.pue) { pue = value }
        pricePerKWh = m.double(.pricePerKWh)
        co2GramsPerKWh = m.double(.co2GramsPerKWh)
        co2Trace = m.string(.co2Trace)
        growthPerMonth = m.double(.growthPerMonth)
        if let value = m.double(.growthOffsetMonths) { growthOffsetMonths = value }
        licensePerCore = m.double(.licensePerCore)
        if let value = m.int(.failedLargestHosts) { failedLargestHosts = value }
        if let value = m.string(.vsphereVersion) { vsphereVersion = value }
        drs = m.mapping(.drs) { DRSSpec(reading: $0, defaults: DRSSpec()) } ?? DRSSpec()
        dpm = m.mapping(.dpm) { DPMSpec(reading: $0, defaults: DPMSpec()) } ?? DPMSpec()
        vmotion = m.mapping(.vmotion) { VMotionSpec(reading: $0, defaults: VMotionSpec()) } ?? VMotionSpec()
        ha = m.mapping(.ha) { HASpec(reading: $0, defaults: HASpec()) } ?? HASpec()
        hostProfiles = m.required(.hostProfiles) { $0.list { $0.mapping(HostProfileSpec.init(reading:)) } } ?? []
        vmProfiles = m.required(.vmProfiles) { $0.list { $0.mapping(VMProfileSpec.init(reading:)) } } ?? []
        if let growthPerMonth { applyGrowthDefault(growthPerMonth, profiles: m.reader.node.value(forKey: "vm_profiles")) }
        let inherited = ClusterSpec.InheritedSettings(vsphereVersion: vsphereVersion, drs: drs, dpm: dpm, vmotion: vmotion, ha: ha)
        clusters = m.required(.clusters) { node in
            node.list { $0.mapping { ClusterSpec(reading: $0, inherited: inherited) } }
        } ?? []
        events = m.list(.events) { $0.mapping(EventSpec.init(reading:)) } ?? []
        maintenanceWindows = m.list(.maintenanceWindows) { $0.mapping(MaintenanceWindowSpec.init(reading:)) } ?? []
        failures = m.mapping(.failures, FailuresSpec.init(reading:))
        sweep = m.mapping(.sweep, SweepSpec.init(reading:))
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
