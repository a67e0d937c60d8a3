extension ClusterSpec {
    /// The scenario-level settings a cluster inherits.
    struct InheritedSettings {
        var vsphereVersion: String
        var drs: DRSSpec
        var dpm: DPMSpec
        var vmotion: VMotionSpec
        var ha: HASpec
    }

    /// Reads one element of `clusters:`; its `drs`/`dpm`/`vmotion`/`ha` blocks override `inherited`
    /// key by key.
    init(reading m: MappingReader<CodingKeys>, inherited: InheritedSettings) {
        self.init(name: m.required(.name) { $0.string() } ?? "", hosts: [], vms: [])
        if let value = m.enumValue(.license, License.self) { license = value }
        vsphereVersion = m.string(.vsphereVersion) ?? inherited.vsphereVersion
        evc = m.string(.evc)
        if let value = m.stringList(.datastores) { datastores = value }
        if let value = m.stringList(.networks) { networks = value }
        hosts = m.required(.hosts) { $0.list { $0.mapping(HostEntrySpec.init(reading:)) } } ?? []
        let datastore = datastores.first ?? ""
        let network = networks.first ?? ""
        vms = m.required(.vms) { node in
            node.list { $0.mapping { VMEntrySpec(reading: $0, defaultDatastore: datastore, defaultNetwork: network) } }
        } ?? []
        drs = m.mapping(.drs) { DRSSpec(reading: $0, defaults: inherited.drs) } ?? inherited.drs
        dpm = m.mapping(.dpm) { DPMSpec(reading: $0, defaults: inherited.dpm) } ?? inherited.dpm
        vmotion = m.mapping(.vmotion) { VMotionSpec(reading: $0, defaults: inherited.vmotion) } ?? inherited.vmotion
        ha = m.mapping(.ha) { HASpec(reading: $0, defaults: inherited.ha) } ?? inherited.ha
        dpm.minHostsOn = dpm.effectiveMinHostsOn(haEnabled: ha.enabled)
        hostGroups = m.mapping(.hostGroups, GroupMapSpec.init(reading:)) ?? GroupMapSpec()
        vmGroups = m.mapping(.vmGroups, GroupMapSpec.init(reading:)) ?? GroupMapSpec()
        rules = m.node(.rules)?.list { element in
            guard case .index(let position) = element.path.components.last else { return nil }
            return element.mapping { RuleSpec(reading: $0, position: position) }
        } ?? []
    }
}
