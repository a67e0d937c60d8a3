import Testing
@testable import Inventory

/// Resource controls from vCPU and vMemory rows: levels, custom shares, limits, locked reservations.
@Suite struct VMSettingsTests {
    static func vm(cpu: VMCPURecord?, memory: VMMemoryRecord?, priority: String = "") -> VMRecord {
        var vm = VMRecord(name: "a", powerState: .poweredOn, isTemplate: false, vcpus: 4, memoryMB: 8_192, activeMemoryMB: nil,
                          inUseMB: nil, host: "h", cluster: "c", datastore: "", network: "", row: 2)
        vm.cpu = cpu
        vm.memory = memory
        vm.haRestartPriority = priority
        return vm
    }

    static func cpu(level: String, shares: Double?, reservation: Double = 0, limit: Double? = nil) -> VMCPURecord {
        VMCPURecord(name: "a", vmID: "", overallMHz: nil, maxMHz: nil, level: level, shares: shares, reservationMHz: reservation,
                    limitMHz: limit, row: 2)
    }

    static func memory(level: String = "normal", shares: Double? = nil, reservation: Double = 0, limit: Double? = nil,
                       locked: Bool = false) -> VMMemoryRecord {
        VMMemoryRecord(name: "a", vmID: "", sizeMB: 8_192, consumedMB: nil, activeMB: nil, balloonedMB: nil, swappedMB: nil,
                       level: level, shares: shares, reservationMB: reservation, limitMB: limit, lockedToMax: locked, row: 2)
    }

    @Test func sharesLevelsAndCustomValues() {
        var notes = VMSettings.Notes()
        #expect(VMSettings.of(Self.vm(cpu: Self.cpu(level: "high", shares: 8_000), memory: nil), notes: &notes).cpuShares == "high")
        // custom 6,000 over 4 vCPUs = 1,500 per vCPU; custom 8,000 = 2,000 per vCPU = high
        #expect(VMSettings.of(Self.vm(cpu: Self.cpu(level: "custom", shares: 6_000), memory: nil), notes: &notes).cpuShares == "1500")
        #expect(VMSettings.of(Self.vm(cpu: Self.cpu(level: "custom", shares: 8_000), memory: nil), notes: &notes).cpuShares == "high")
        // memory: custom 122,880 over 8,192 MB = 15 per MB; 40,960 = 5 per MB = low
        #expect(VMSettings.of(Self.vm(cpu: nil, memory: Self.memory(level: "custom", shares: 122_880)), notes: &notes).memoryShares == "15")
        #expect(VMSettings.of(Self.vm(cpu: nil, memory: Self.memory(level: "custom", shares: 40_960)), notes: &notes).memoryShares == "low")
        #expect(notes.limitBelowReservation.isEmpty && notes.zeroLimit.isEmpty)
    }

    @Test func reservationsLimitsAndPriorities() {
        var notes = VMSettings.Notes()
        let locked = VMSettings.of(Self.vm(cpu: nil, memory: Self.memory(reservation: 1_024, locked: true)), notes: &notes)
        #expect(locked.memoryReservationMB == 8_192)
        let capped = VMSettings.of(Self.vm(cpu: Self.cpu(level: "normal", shares: 4_000, reservation: 2_000, limit: 3_000),
                                           memory: Self.memory(reservation: 2_048, limit: 4_096)), notes: &notes)
        #expect(capped.cpuReservationMHz == 2_000 && capped.cpuLimitMHz == 3_000)
        #expect(capped.memoryReservationMB == 2_048 && capped.memoryLimitMB == 4_096)
        // a limit at or above the configured memory is no limit; below the reservation it is dropped
        #expect(VMSettings.of(Self.vm(cpu: nil, memory: Self.memory(limit: 8_192)), notes: &notes).memoryLimitMB == nil)
        #expect(VMSettings.of(Self.vm(cpu: Self.cpu(level: "normal", shares: nil, reservation: 2_000, limit: 1_000), memory: nil),
                              notes: &notes).cpuLimitMHz == nil)
        #expect(VMSettings.of(Self.vm(cpu: Self.cpu(level: "normal", shares: nil, limit: 0), memory: nil), notes: &notes).cpuLimitMHz == nil)
        #expect(notes.limitBelowReservation == ["a"] && notes.zeroLimit == ["a"])
        #expect(VMSettings.of(Self.vm(cpu: nil, memory: nil, priority: "High"), notes: &notes).restartPriority == "high")
        #expect(VMSettings.of(Self.vm(cpu: nil, memory: nil, priority: "clusterRestartPriority"), notes: &notes).restartPriority == "")
    }
}
