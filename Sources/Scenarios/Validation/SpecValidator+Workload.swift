extension SpecValidator {
    /// Workload ranges: fractions in 0–1, positive times, a trace or a CPU model but not both.
    func checkWorkload(_ workload: WorkloadSpec, at path: SpecPath) {
        if workload.cpu != nil, workload.trace != nil {
            report("give either workload.cpu or workload.trace, not both", at: path.key("trace"))
        }
        if let cpu = workload.cpu { checkCPUWorkload(cpu, at: path.key("cpu")) }
        let memory = workload.memory
        let memoryPath = path.key("memory")
        checkFraction(memory.activeFraction, "active_fraction", at: memoryPath)
        checkFraction(memory.consumedFraction, "consumed_fraction", at: memoryPath)
        require(memory.noiseSigma >= 0, "noise_sigma must not be negative", at: memoryPath.key("noise_sigma"))
        if memory.noiseSigma >= 0 { requireRange(memory.noiseSigma, SpecBounds.sigma, "noise_sigma", at: memoryPath) }
        require(memory.dirtyRateMbps >= 0, "dirty_rate_mbps must not be negative", at: memoryPath.key("dirty_rate_mbps"))
        if memory.dirtyRateMbps >= 0 { requireRange(memory.dirtyRateMbps, 0...SpecBounds.mbps.upperBound, "dirty_rate_mbps", at: memoryPath) }
        require(memory.wwsFraction > 0 && memory.wwsFraction <= 1,
                "wws_fraction must be in (0, 1] (got \(Self.show(memory.wwsFraction)))", at: memoryPath.key("wws_fraction"))
        if let trace = workload.trace {
            let tracePath = path.key("trace")
            require(!trace.path.trimmingWhitespace().isEmpty, "trace path must not be empty", at: tracePath.key("path"))
            require(trace.startIndex >= 0, "start_index must not be negative (got \(trace.startIndex))",
                    at: tracePath.key("start_index"))
        }
    }

    /// The stochastic CPU model's ranges.
    func checkCPUWorkload(_ cpu: CPUWorkloadSpec, at path: SpecPath) {
        checkFraction(cpu.mean, "mean", at: path)
        if let diurnal = cpu.diurnal {
            checkFraction(diurnal.amplitude, "amplitude", at: path.key("diurnal"))
            require(diurnal.peakHour >= 0 && diurnal.peakHour < 24,
                    "peak_hour must be in [0, 24) (got \(Self.show(diurnal.peakHour)))", at: path.key("diurnal").key("peak_hour"))
        }
        if let weekly = cpu.weekly {
            require(weekly.weekendFactor >= 0, "weekend_factor must not be negative (got \(Self.show(weekly.weekendFactor)))",
                    at: path.key("weekly").key("weekend_factor"))
            if weekly.weekendFactor >= 0 { requireRange(weekly.weekendFactor, SpecBounds.factor, "weekend_factor", at: path.key("weekly")) }
        }
        if let noise = cpu.noise {
            require(noise.sigma >= 0, "sigma must not be negative (got \(Self.show(noise.sigma)))", at: path.key("noise").key("sigma"))
            if noise.sigma >= 0 { requireRange(noise.sigma, SpecBounds.sigma, "sigma", at: path.key("noise")) }
            require(noise.correlationTime > .zero, "correlation_time must be longer than 0s",
                    at: path.key("noise").key("correlation_time"))
        }
        if let bursts = cpu.bursts {
            let burstsPath = path.key("bursts")
            require(bursts.perDay >= 0, "per_day must not be negative (got \(Self.show(bursts.perDay)))", at: burstsPath.key("per_day"))
            require(bursts.factor > 0, "factor must be positive (got \(Self.show(bursts.factor)))", at: burstsPath.key("factor"))
            if bursts.perDay >= 0 { requireRange(bursts.perDay, SpecBounds.perDay, "per_day", at: burstsPath) }
            if bursts.factor > 0 { requireRange(bursts.factor, SpecBounds.factor, "factor", at: burstsPath) }
            require(bursts.duration > .zero, "duration must be longer than 0s", at: burstsPath.key("duration"))
        }
        require(cpu.growthPerMonth > -1, "growth_per_month must be above -1 (got \(Self.show(cpu.growthPerMonth)))",
                at: path.key("growth_per_month"))
        if cpu.growthPerMonth > -1 { requireRange(cpu.growthPerMonth, SpecBounds.growthPerMonth, "growth_per_month", at: path) }
    }

    /// Reports `value` unless it is a fraction in 0–1.
    func checkFraction(_ value: Double, _ key: String, at parent: SpecPath) {
        require((0...1).contains(value), "\(key) must be between 0 and 1 (got \(Self.show(value)))", at: parent.key(key))
    }
}
