import Foundation
import SimKernel
import Stochastics
import Traces

/// Resamples the demand of every VM of a cluster at once (docs/model.md "Workload"), over ``VMTable`` columns.
///
/// Each VM draws from its own substream `workload/<vm name>` of the master seed, so a VM's demand
/// path depends only on the seed and its name: adding VMs or changing policies leaves it unchanged
/// (common random numbers). Down VMs still advance their streams for the same reason. A VM that
/// is not part of the cluster (``VMDownReason/absent``: a churn VM before its arrival, after its
/// departure, or refused) is not sampled: its stream starts at its arrival (``startVM(_:name:seed:at:_:)``).
public struct WorkloadSampler {
    let profiles: [WorkloadProfile]
    let traces: [[UtilizationTrace]]
    let traceEnds: [TraceEnd]
    let traceMeans: [[Double]]
    let calendar: SimCalendar
    let interval: SimTime
    let growthOffsetMonths: Double
    private(set) var streams: [RandomStream]
    /// Unretained references to `streams`, for the sampling loop.
    private(set) var streamRefs: [Unmanaged<RandomStream>]

    /// Per-profile factors of the current sample (diurnal × weekly × growth), refreshed each sample.
    var profileFactor: [Double]
    /// Per-profile AR(1) coefficients φ and √(1 − φ²).
    let phi: [Double]
    let innovationScale: [Double]
    /// Per-profile mean time between the end of a burst and the start of the next, seconds.
    let burstGapMeanSeconds: [Double]
    /// Per VM, while no burst runs: the time (µs) from which the next sample starts a burst, or
    /// `Int64.min` until it is drawn at the first sample after a burst.
    var nextBurstUS: [Int64]
    /// Per-VM copies of the configuration the loop reads (no `VMConfig` copy per sample).
    let memoryMB: [Double]
    let overheadMB: [Double]
    let traceIndex: [Int32]
    /// Running VMs whose demand of the last sample exceeded their vCPUs (`vms_vcpu_saturated`).
    public private(set) var saturatedVMs = 0
    /// CPU those VMs demanded beyond their vCPUs (within their limits) in the last sample, MHz:
    /// counted as demand and as unmet demand (docs/model.md, "vCPU saturation").
    public private(set) var cappedMHz = 0.0

    public init(config: ClusterConfig, settings: RunSettings) {
        profiles = config.workloads
        traces = config.traces
        traceEnds = config.traceEnds
        traceMeans = config.traces.map { set in set.map { $0.meanCPU } }
        calendar = SimCalendar(startUnixSeconds: settings.startUnixSeconds)
        interval = settings.sampleInterval
        growthOffsetMonths = settings.growthOffsetMonths
        streams = config.vms.map { RandomStream(master: settings.seed, name: "workload/" + $0.name) }
        streamRefs = streams.map { Unmanaged.passUnretained($0) }
        profileFactor = Array(repeating: 1, count: config.workloads.count)
        let dt = settings.sampleInterval.seconds
        phi = config.workloads.map { exp(-dt / max($0.noiseCorrelationTime.seconds, 1e-9)) }
        innovationScale = phi.map { (1 - $0 * $0).squareRoot() }
        burstGapMeanSeconds = config.workloads.map { $0.burstsPerDay > 0 ? 86_400 / $0.burstsPerDay : .infinity }
        nextBurstUS = Array(repeating: Int64.min, count: config.vms.count)
        memoryMB = config.vms.map(\.memoryMB)
        overheadMB = config.vms.map(\.overheadMB)
        traceIndex = config.vms.map(\.traceIndex)
    }

    /// Draws the stationary starting state of every VM's noise processes.
    public mutating func initialize(_ vms: inout VMTable) {
        for v in 0..<vms.count where vms.downReason[v] != .absent { drawInitialState(v, &vms) }
    }

    private func drawInitialState(_ v: Int, _ vms: inout VMTable) {
        let p = profiles[Int(vms.workload[v])]
        if p.noiseSigma > 0 { vms.noiseState[v] = streams[v].normal() }
        if p.memoryNoiseSigma > 0 { vms.memoryNoiseState[v] = streams[v].normal() }
    }

    /// VM `v` arrives at `now` under `name`: a fresh stream `workload/<name>`, a new burst
    /// schedule and stationary noise, and its first sample, taken now (a churn row reused by a
    /// later arrival keeps nothing of the VM before it).
    public mutating func startVM(_ v: Int, name: String, seed: UInt64, at now: SimTime, _ vms: inout VMTable) {
        streams[v] = RandomStream(master: seed, name: "workload/" + name)
        streamRefs[v] = Unmanaged.passUnretained(streams[v])
        nextBurstUS[v] = Int64.min
        vms.burstEndUS[v] = Int64.min
        drawInitialState(v, &vms)
        refreshProfileFactors(at: now)
        let (workload, size, limit, host, reason) = (vms.workload, vms.cpuSizeMHz, vms.limitMHz, vms.host, vms.downReason)
        var nextBurst = nextBurstUS
        nextBurstUS = []   // `nextBurst` is now the only reference: written in place
        defer { nextBurstUS = nextBurst }
        Self.withSampleState(&vms, &nextBurst) { state in
            // Not yet running: its vCPU saturation counts from the next periodic sample.
            _ = sampleVMs(v..<(v + 1), at: now, workload: workload, cpuSizeMHz: size,
                          limitMHz: limit, host: host, downReason: reason, skipAbsent: false, state)
        }
    }

    /// Per-profile factors (diurnal × weekly × growth × mean) at `now`.
    private mutating func refreshProfileFactors(at now: SimTime) {
        let hour = calendar.hourOfDay(now)
        let weekend = calendar.isWeekend(now)
        let months = growthOffsetMonths + now.seconds / (30 * 86_400)
        for (i, p) in profiles.enumerated() {
            let diurnal = 1 + p.diurnalAmplitude * cos(2 * Double.pi * (hour - p.diurnalPeakHour) / 24)
            let weekly = weekend ? p.weekendFactor : 1
            let growth = p.growthPerMonth == 0 ? 1 : pow(1 + p.growthPerMonth, months)
            profileFactor[i] = p.cpuMean * diurnal * weekly * growth
        }
    }

    /// Computes demand for sample time `now` into the VM columns `cpuDemandFraction`,
    /// `cpuDemandMHz`, `activeMemoryMB`, `memoryDemandMB` and `dirtyRateMbps`.
    public mutating func sample(at now: SimTime, _ vms: inout VMTable) {
        refreshProfileFactors(at: now)
        let (workload, size, limit, host, reason) = (vms.workload, vms.cpuSizeMHz, vms.limitMHz, vms.host, vms.downReason)
        var nextBurst = nextBurstUS
        nextBurstUS = []   // `nextBurst` is now the only reference: written in place
        defer { nextBurstUS = nextBurst }
        Self.withSampleState(&vms, &nextBurst) { state in
            (saturatedVMs, cappedMHz) = sampleVMs(0..<host.count, at: now, workload: workload, cpuSizeMHz: size,
                                                  limitMHz: limit, host: host, downReason: reason, skipAbsent: true, state)
        }
    }

    /// Runs `body` on raw buffers of the VM columns sampling writes and of `nextBurst` (the
    /// caller's moved-out `nextBurstUS`, so it is written in place): one uniqueness check
    /// per column per call instead of one per VM and column (perf, fleet 2 days: the checked
    /// writes and a copy of each VM's config were about half of sampling's 8.8 %).
    private static func withSampleState(_ vms: inout VMTable, _ nextBurst: inout [Int64], _ body: (VMSampleState) -> Void) {
        vms.noiseState.withUnsafeMutableBufferPointer { noise in
        vms.memoryNoiseState.withUnsafeMutableBufferPointer { memoryNoise in
        vms.burstEndUS.withUnsafeMutableBufferPointer { burstEnd in
        vms.cpuDemandFraction.withUnsafeMutableBufferPointer { fraction in
        vms.cpuDemandMHz.withUnsafeMutableBufferPointer { demand in
        vms.activeMemoryMB.withUnsafeMutableBufferPointer { activeMemory in
        vms.memoryDemandMB.withUnsafeMutableBufferPointer { memoryDemand in
        vms.consumedMemoryMB.withUnsafeMutableBufferPointer { consumedMemory in
        vms.dirtyRateMbps.withUnsafeMutableBufferPointer { dirty in
        nextBurst.withUnsafeMutableBufferPointer { nextBurst in
            let state = VMSampleState(noise: noise, memoryNoise: memoryNoise, burstEnd: burstEnd, nextBurst: nextBurst,
                                      fraction: fraction, demand: demand, activeMemory: activeMemory,
                                      consumedMemory: consumedMemory, memoryDemand: memoryDemand, dirty: dirty)
                body(state)
        }}}}}}}}}}
    }

    /// The per-VM part of ``sample(at:_:)``, writing through `out`; returns the running VMs whose
    /// demand exceeded their vCPUs and the MHz cut off there.
    private func sampleVMs(_ range: Range<Int>, at now: SimTime, workload: [Int32], cpuSizeMHz: [Double], limitMHz: [Double],
                           host: [HostIndex], downReason: [VMDownReason], skipAbsent: Bool, _ out: VMSampleState) -> (Int, Double) {
        var saturated = 0
        var capped = 0.0
        let nowUS = now.microseconds
        let nowSeconds = now.seconds
        let intervalUS = interval.microseconds
        for v in range where !skipAbsent || downReason[v] != .absent {
            // Borrow the stream without retaining it: `streams` keeps every stream alive for the
            // sampler's lifetime (perf, fleet 1 day: retain/release of the stream object was ~2 %).
            streamRefs[v]._withUnsafeGuaranteedRef { stream in
                let w = Int(workload[v])
                let p = profiles[w]
                var frac: Double
                var meanLevel = p.cpuMean
                if p.traceSet >= 0 {
                    let set = Int(p.traceSet)
                    let k = Int(traceIndex[v])
                    frac = traces[set][k].cpu(atSeconds: nowSeconds, end: traceEnds[set])
                    meanLevel = traceMeans[set][k]
                } else {
                    frac = profileFactor[w]
                    if p.noiseSigma > 0 {
                        let x = phi[w] * out.noise[v] + innovationScale[w] * stream.normal()
                        out.noise[v] = x
                        frac *= exp(p.noiseSigma * x - 0.5 * p.noiseSigma * p.noiseSigma)
                    }
                    if p.burstsPerDay > 0 {
                        if nowUS >= out.burstEnd[v] {
                            // Bursts start at rate per_day while none runs. Rather than a Bernoulli
                            // draw of probability p = 1 − exp(−rate·Δt) at every idle sample, draw the
                            // gap E ~ Exp(rate) at the first idle sample t0 and start the burst at the
                            // first sample ≥ t0 + E − Δt: ceil(E/Δt) idle samples, the same Geometric(p)
                            // law, two draws per burst instead of one per sample (perf, fleet 2 days: sampling −3 %).
                            if out.nextBurst[v] == Int64.min {
                                let gap = stream.exponential(mean: burstGapMeanSeconds[w])
                                out.nextBurst[v] = nowUS + Self.microseconds(gap) - intervalUS
                            }
                            if nowUS >= out.nextBurst[v] {
                                let d = stream.exponential(mean: p.burstMeanDuration.seconds)
                                out.burstEnd[v] = nowUS + max(1, Int64(d * 1_000_000))
                                out.nextBurst[v] = Int64.min
                            }
                        }
                        if nowUS < out.burstEnd[v] { frac *= p.burstFactor }
                    }
                }
                if frac > 1 && host[v] != noIndex {
                    // vCPU saturation: the VM cannot use more than its vCPUs; what it wanted beyond
                    // them (up to its limit) is reported as unmet demand, not silently dropped.
                    let cut = min(frac * cpuSizeMHz[v], limitMHz[v]) - min(cpuSizeMHz[v], limitMHz[v])
                    if cut > 0 { saturated += 1; capped += cut }
                }
                frac = min(max(frac, 0), 1)
                out.fraction[v] = frac
                out.demand[v] = min(frac * cpuSizeMHz[v], limitMHz[v])

                let memMB = memoryMB[v]
                var active = p.activeFraction * memMB
                var consumed = p.consumedFraction * memMB
                if p.memoryNoiseSigma > 0 {
                    let x = phi[w] * out.memoryNoise[v] + innovationScale[w] * stream.normal()
                    out.memoryNoise[v] = x
                    let factor = exp(p.memoryNoiseSigma * x - 0.5 * p.memoryNoiseSigma * p.memoryNoiseSigma)
                    active *= factor
                    consumed *= factor
                }
                active = min(active, memMB)
                consumed = min(max(consumed, active), memMB)
                out.activeMemory[v] = active
                out.consumedMemory[v] = consumed
                out.memoryDemand[v] = active + 0.25 * (consumed - active) + overheadMB[v]
                out.dirty[v] = meanLevel > 0 ? p.dirtyRateMbps * frac / meanLevel : 0
            }
        }
        return (saturated, capped)
    }
}

extension WorkloadSampler {
    /// `seconds` as whole microseconds, saturating far beyond any run's length.
    static func microseconds(_ seconds: Double) -> Int64 {
        seconds < 1e12 ? Int64(seconds * 1_000_000) : Int64.max / 4
    }
}

/// Raw views of the columns one sample writes (valid only inside ``WorkloadSampler/sample(at:_:)``).
private struct VMSampleState {
    let noise: UnsafeMutableBufferPointer<Double>
    let memoryNoise: UnsafeMutableBufferPointer<Double>
    let burstEnd: UnsafeMutableBufferPointer<Int64>
    let nextBurst: UnsafeMutableBufferPointer<Int64>
    let fraction: UnsafeMutableBufferPointer<Double>
    let demand: UnsafeMutableBufferPointer<Double>
    let activeMemory: UnsafeMutableBufferPointer<Double>
    let consumedMemory: UnsafeMutableBufferPointer<Double>
    let memoryDemand: UnsafeMutableBufferPointer<Double>
    let dirty: UnsafeMutableBufferPointer<Double>
}
