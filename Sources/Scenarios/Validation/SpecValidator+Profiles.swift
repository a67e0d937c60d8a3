extension SpecValidator {
    /// Host profiles: unique names, positive sizes, known CPU generation, a complete power model.
    func checkHostProfiles() {
        let listPath = SpecPath.root.key("host_profiles")
        require(!spec.hostProfiles.isEmpty, "at least one host profile is needed", at: listPath)
        checkUnique(spec.hostProfiles.map(\.name), what: "host profile", at: listPath)
        for (index, profile) in spec.hostProfiles.enumerated() {
            let path = listPath.index(index)
            checkName(profile.name, what: "profile name", at: path.key("name"))
            let cpu = path.key("cpu")
            require(profile.cpu.sockets >= 1, "sockets must be at least 1 (got \(profile.cpu.sockets))", at: cpu.key("sockets"))
            require(profile.cpu.coresPerSocket >= 1, "cores_per_socket must be at least 1 (got \(profile.cpu.coresPerSocket))",
                    at: cpu.key("cores_per_socket"))
            require(profile.cpu.mhz >= 1, "mhz must be at least 1 (got \(profile.cpu.mhz))", at: cpu.key("mhz"))
            if profile.cpu.sockets >= 1 { requireRange(profile.cpu.sockets, SpecBounds.sockets, "sockets", at: cpu) }
            if profile.cpu.coresPerSocket >= 1 {
                requireRange(profile.cpu.coresPerSocket, SpecBounds.coresPerSocket, "cores_per_socket", at: cpu)
            }
            if profile.cpu.mhz >= 1 { requireRange(profile.cpu.mhz, SpecBounds.mhz, "mhz", at: cpu) }
            let generations = CPUGenerationCatalog.generations(for: profile.cpu.vendor)
            if !generations.contains(profile.cpu.generation) {
                report("unknown \(profile.cpu.vendor.rawValue) generation '\(profile.cpu.generation)'"
                       + KeySuggestion.hint(for: profile.cpu.generation, in: generations)
                       + " (valid, oldest first: \(generations.joined(separator: ", ")))", at: cpu.key("generation"))
            }
            require(profile.memoryGB > 0, "memory_gb must be positive (got \(Self.show(profile.memoryGB)))", at: path.key("memory_gb"))
            require(profile.vmotionNICGbps > 0, "vmotion_nic_gbps must be positive (got \(Self.show(profile.vmotionNICGbps)))",
                    at: path.key("vmotion_nic_gbps"))
            if profile.memoryGB > 0 { requireRange(profile.memoryGB, SpecBounds.hostMemoryGB, "memory_gb", at: path) }
            if profile.vmotionNICGbps > 0 { requireRange(profile.vmotionNICGbps, SpecBounds.nicGbps, "vmotion_nic_gbps", at: path) }
            require(profile.vmotionVMknics >= 1 && profile.vmotionVMknics <= 16,
                    "vmotion_vmknics must be 1…16 (got \(profile.vmotionVMknics))", at: path.key("vmotion_vmknics"))
            require(profile.standbyW >= 0, "standby_w must not be negative", at: path.key("standby_w"))
            if profile.standbyW >= 0 { requireRange(profile.standbyW, SpecBounds.watts, "standby_w", at: path) }
            checkPower(profile.power, at: path.key("power"))
            if let cost = profile.cost {
                require(cost.purchase >= 0, "purchase must not be negative (got \(Self.show(cost.purchase)))",
                        at: path.key("cost").key("purchase"))
                require(cost.amortizationMonths > 0,
                        "amortization_months must be positive (got \(Self.show(cost.amortizationMonths)))",
                        at: path.key("cost").key("amortization_months"))
            }
        }
    }

    /// A power model: the keys of its model, and sane watts.
    func checkPower(_ power: PowerSpec, at path: SpecPath) {
        switch power.model {
        case .linear:
            for (key, given) in [("watts", power.watts != nil), ("builtin", power.builtin != nil)] where given {
                report("'\(key)' is only used with model specpower", at: path.key(key))
            }
            guard let idle = power.idleW, let max = power.maxW else {
                if power.idleW == nil { report("model linear needs idle_w", at: path.key("idle_w")) }
                if power.maxW == nil { report("model linear needs max_w", at: path.key("max_w")) }
                return
            }
            require(idle >= 0, "idle_w must not be negative", at: path.key("idle_w"))
            if idle >= 0 { requireRange(idle, SpecBounds.watts, "idle_w", at: path) }
            if max > 0 { requireRange(max, SpecBounds.watts, "max_w", at: path) }
            require(max > 0 && max >= idle, "max_w must be positive and at least idle_w (\(Self.show(idle)))", at: path.key("max_w"))
        case .specpower:
            for (key, given) in [("idle_w", power.idleW != nil), ("max_w", power.maxW != nil)] where given {
                report("'\(key)' is only used with model linear (specpower takes watts or builtin)", at: path.key(key))
            }
            if power.builtin != nil, power.watts != nil {
                report("give either watts or builtin, not both", at: path.key("watts"))
                return
            }
            guard power.builtin == nil else { return }
            guard let watts = power.watts else {
                report("model specpower needs watts (11 values at 0 %, 10 % … 100 % load) or builtin "
                       + "(\(BuiltinPowerTable.validNames.joined(separator: ", ")))", at: path)
                return
            }
            guard watts.count == 11 else {
                report("watts must have exactly 11 values (0 %, 10 % … 100 % load), got \(watts.count)", at: path.key("watts"))
                return
            }
            if let bad = watts.indices.first(where: { !SpecBounds.watts.contains(watts[$0]) }), watts[bad] >= 0 || watts[bad].isNaN {
                report("watts must be between 0 and 1,000,000 (value \(bad + 1) is \(Self.show(watts[bad])))",
                       at: path.key("watts").index(bad))
            } else if let bad = watts.indices.first(where: { watts[$0] < 0 }) {
                report("watts must not be negative (value \(bad + 1) is \(Self.show(watts[bad])))", at: path.key("watts").index(bad))
            } else if let bad = watts.indices.dropFirst().first(where: { watts[$0] < watts[$0 - 1] }) {
                report("watts must not decrease with load: \(Self.show(watts[bad])) W at \(bad * 10) % is below "
                       + "\(Self.show(watts[bad - 1])) W at \((bad - 1) * 10) %", at: path.key("watts").index(bad))
            } else if watts[10] <= 0 {
                report("watts at 100 % load must be positive", at: path.key("watts").index(10))
            }
        }
    }

    /// VM profiles: unique names, positive sizes, resource controls, workload ranges.
    func checkVMProfiles() {
        let listPath = SpecPath.root.key("vm_profiles")
        require(!spec.vmProfiles.isEmpty, "at least one VM profile is needed", at: listPath)
        checkUnique(spec.vmProfiles.map(\.name), what: "VM profile", at: listPath)
        for (index, profile) in spec.vmProfiles.enumerated() {
            let path = listPath.index(index)
            checkName(profile.name, what: "profile name", at: path.key("name"))
            require(profile.vcpus >= 1, "vcpus must be at least 1 (got \(profile.vcpus))", at: path.key("vcpus"))
            if profile.vcpus >= 1 { requireRange(profile.vcpus, SpecBounds.vcpus, "vcpus", at: path) }
            if let mhz = profile.vcpuMHz {
                require(mhz >= 1, "vcpu_mhz must be at least 1 (got \(mhz))", at: path.key("vcpu_mhz"))
                if mhz >= 1 { requireRange(mhz, SpecBounds.mhz, "vcpu_mhz", at: path) }
            }
            if profile.memoryGB > 0 { requireRange(profile.memoryGB, SpecBounds.vmMemoryGB, "memory_gb", at: path) }
            if profile.diskGB >= 0 { requireRange(profile.diskGB, SpecBounds.diskGB, "disk_gb", at: path) }
            if profile.reservationMHz >= 0 { requireRange(profile.reservationMHz, SpecBounds.cpuMHz, "reservation_mhz", at: path) }
            if let limit = profile.limitMHz, limit >= 1 { requireRange(limit, SpecBounds.cpuMHz, "limit_mhz", at: path) }
            require(profile.memoryGB > 0, "memory_gb must be positive (got \(Self.show(profile.memoryGB)))", at: path.key("memory_gb"))
            require(profile.diskGB >= 0, "disk_gb must not be negative", at: path.key("disk_gb"))
            if case .custom(let shares) = profile.shares {
                require(shares >= 1, "shares must be at least 1 per vCPU (got \(shares))", at: path.key("shares"))
                if shares >= 1 { requireRange(shares, SpecBounds.shares, "shares", at: path) }
            }
            require(profile.reservationMHz >= 0, "reservation_mhz must not be negative", at: path.key("reservation_mhz"))
            if let limit = profile.limitMHz {
                if limit < 1 {
                    report("limit_mhz must be at least 1 (got \(limit)); leave it out for no limit", at: path.key("limit_mhz"))
                } else if profile.reservationMHz > limit {
                    report("reservation_mhz (\(profile.reservationMHz)) exceeds limit_mhz (\(limit))", at: path.key("reservation_mhz"))
                }
            }
            checkMemoryControls(profile, at: path)
            checkWorkload(profile.workload, at: path.key("workload"))
        }
    }

    /// Reports each name that appears more than once in `names`, at its later positions.
    func checkUnique(_ names: [String], what: String, at listPath: SpecPath) {
        var firstPosition: [String: Int] = [:]
        for (index, name) in names.enumerated() {
            if let first = firstPosition[name] {
                report("duplicate \(what) name '\(name)' (also at \(listPath.index(first)))", at: listPath.index(index).key("name"))
            } else {
                firstPosition[name] = index
            }
        }
    }
}

extension SpecValidator {
    /// Memory reservation, limit and shares of a VM profile.
    func checkMemoryControls(_ profile: VMProfileSpec, at path: SpecPath) {
        let reservation = profile.memoryReservationGB
        if reservation < 0 {
            report("memory_reservation_gb must not be negative (got \(Self.show(reservation)))", at: path.key("memory_reservation_gb"))
        } else if profile.memoryGB > 0, reservation > profile.memoryGB {
            report("memory_reservation_gb (\(Self.show(reservation))) exceeds memory_gb (\(Self.show(profile.memoryGB)))",
                   at: path.key("memory_reservation_gb"))
        }
        if let limit = profile.memoryLimitGB {
            if limit <= 0 {
                report("memory_limit_gb must be positive (got \(Self.show(limit))); leave it out for no limit",
                       at: path.key("memory_limit_gb"))
            } else if reservation > limit {
                report("memory_reservation_gb (\(Self.show(reservation))) exceeds memory_limit_gb (\(Self.show(limit)))",
                       at: path.key("memory_reservation_gb"))
            }
        }
        if case .custom(let shares) = profile.memoryShares {
            require(shares >= 1, "memory_shares must be at least 1 per MB (got \(shares))", at: path.key("memory_shares"))
        }
    }
}
