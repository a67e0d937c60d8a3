extension SpecValidator {
    /// Largest per-cluster demand history, in samples (VMs × samples in the longest window): the
    /// simulator keeps it in memory (two doubles per sample), so this bounds it near 1.6 GB.
    static let maximumHistorySamples = 100_000_000

    /// Refuses DRS/DPM windows whose demand history would not fit in memory — a window of years
    /// at a 1 s sample interval — before anything is built (docs/reliability.md: absurd sizes are refused
    /// with a message, never a crash on allocation). Run after the size limits passed.
    func checkHistoryWindows() {
        let interval = spec.sampleInterval.microseconds
        guard interval > 0 else { return }   // reported by checkTopLevel
        for (index, cluster) in spec.clusters.enumerated() {
            let vms = cluster.vms.reduce(0) { $0 + max(0, $1.vmCount) }
            let path = SpecPath.root.key("clusters").index(index)
            let windows = [(cluster.drs.demandWindow, path.key("drs").key("demand_window"), "drs.demand_window"),
                           (cluster.dpm.historyPowerOn, path.key("dpm").key("history_power_on"), "dpm.history_power_on"),
                           (cluster.dpm.historyPowerOff, path.key("dpm").key("history_power_off"), "dpm.history_power_off")]
            for (window, at, key) in windows where window.microseconds > 0 {
                let samples = (window.microseconds - 1) / interval + 1
                let (total, overflow) = samples.multipliedReportingOverflow(by: Int64(max(1, vms)))
                if overflow || total > Int64(Self.maximumHistorySamples) {
                    report("\(key) (\(window)) at sample_interval \(spec.sampleInterval) keeps \(Int(samples).groupedDigits) "
                           + "samples for each of \(vms.groupedDigits) VMs; the limit is "
                           + "\(Self.maximumHistorySamples.groupedDigits) samples per cluster: shorten the window or "
                           + "lengthen sample_interval", at: at)
                }
            }
        }
    }
}
