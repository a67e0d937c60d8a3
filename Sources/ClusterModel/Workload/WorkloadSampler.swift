import Foundation
import SimKernel
import Stochastics
import Traces

/// Resamples the demand of every VM of a cluster at once (DESIGN §4.2), over ``VMTable`` columns.
///
/// Each VM draws from its own substream `workload/<vm name>` of the master seed, so a VM's demand
/// path depends only on the seed and its name: adding VMs or changing policies leaves it unchanged
/// (common random numbers). Down VMs still advance their streams for the same reason.
public struct WorkloadSampler {
    let profiles: [WorkloadProfile]
    let traces: [[UtilizationTrace]]
    let traceEnds: [TraceEnd]
    let traceMeans: [[Double]]
    let calendar: SimCalendar
    let interval: SimTime
    var streams: [RandomStream]

    /// Per-profile factors of the current sample (diurnal × weekly × growth), refreshed each sample.
    var profileFactor: [Double]
    /// Per-profile AR(1) coefficients φ and √(1 − φ²).
    let phi: [Double]
    let innovationScale: [Double]
    /// Per-profile probability that a burst starts within one interval.
    let burstStartProbability: [Double]

    public init(config: ClusterConfig, settings: RunSettings) {
        profiles = config.workloads
        traces = config.traces
        traceEnds = config.traceEnds
        traceMeans = config.traces.map { set in set.map { $0.meanCPU } }
        calendar = SimCalendar(startUnixSeconds: settings.startUnixSeconds)
        interval = settings.sampleInterval
        streams = config.vms.map { RandomStream(master: settings.seed, name: "workload/" + $0.name) }
        profileFactor = Array(repeating: 1, count: config.workloads.count)
        let dt = settings.sampleInterval.seconds
        phi = config.workloads.map { exp(-dt / max($0.noiseCorrelationTime.seconds, 1e-9)) }
        innovationScale = phi.map { (1 - $0 * $0).squareRoot() }
        burstStartProbability = config.workloads.map { 1 - exp(-$0.burstsPerDay * dt / 86_400) }
    }

    /// Draws the stationary starting state of every VM's noise processes.
    public mutating func initialize(_ vms: inout VMTable) {
        for v in 0..<vms.count {
            let p = profiles[Int(vms.workload[v])]
            if p.noiseSigma > 0 { vms.noiseState[v] = streams[v].normal() }
            if p.memoryNoiseSigma > 0 { vms.memoryNoiseState[v] = streams[v].normal() }
        }
    }

    /// Computes demand for sample time `now` into the VM columns `cpuDemandFraction`,
    /// `cpuDemandMHz`, `activeMemoryMB`, `memoryDemandMB` and `dirtyRateMbps`.
    public mutating func sample(at now: SimTime, _ vms: inout VMTable) {
        let hour = calendar.hourOfDay(now)
        let weekend = calendar.isWeekend(now)
        let months = now.seconds / (30 * 86_400)
        for (i, p) in profiles.enumerated() {
            let diurnal = 1 + p.diurnalAmplitude * cos(2 * Double.pi * (hour - p.diurnalPeakHour) / 24)
            let weekly = weekend ? p.weekendFactor : 1
            let growth = p.growthPerMonth == 0 ? 1 : pow(1 + p.growthPerMonth, months)
            profileFactor[i] = p.cpuMean * diurnal * weekly * growth
        }
        let nowUS = now.microseconds
        let nowSeconds = now.seconds
        for v in 0..<vms.count {
            let w = Int(vms.workload[v])
            let p = profiles[w]
            let stream = streams[v]
            var frac: Double
            var meanLevel = p.cpuMean
            if p.traceSet >= 0 {
                let set = Int(p.traceSet)
                let k = Int(vms.configs[v].traceIndex)
                frac = traces[set][k].cpu(atSeconds: nowSeconds, end: traceEnds[set])
                meanLevel = traceMeans[set][k]
            } else {
                frac = profileFactor[w]
                if p.noiseSigma > 0 {
                    let x = phi[w] * vms.noiseState[v] + innovationScale[w] * stream.normal()
                    vms.noiseState[v] = x
                    frac *= exp(p.noiseSigma * x - 0.5 * p.noiseSigma * p.noiseSigma)
                }
                if p.burstsPerDay > 0 {
                    if nowUS >= vms.burstEndUS[v], stream.uniform() < burstStartProbability[w] {
                        let d = stream.exponential(mean: p.burstMeanDuration.seconds)
                        vms.burstEndUS[v] = nowUS + max(1, Int64(d * 1_000_000))
                    }
                    if nowUS < vms.burstEndUS[v] { frac *= p.burstFactor }
                }
            }
            frac = min(max(frac, 0), 1)
            vms.cpuDemandFraction[v] = frac
            vms.cpuDemandMHz[v] = min(frac * vms.cpuSizeMHz[v], vms.limitMHz[v])

            let memMB = vms.configs[v].memoryMB
            var active = p.activeFraction * memMB
            if p.memoryNoiseSigma > 0 {
                let x = phi[w] * vms.memoryNoiseState[v] + innovationScale[w] * stream.normal()
                vms.memoryNoiseState[v] = x
                active *= exp(p.memoryNoiseSigma * x - 0.5 * p.memoryNoiseSigma * p.memoryNoiseSigma)
            }
            active = min(active, memMB)
            vms.activeMemoryMB[v] = active
            vms.memoryDemandMB[v] = active + 0.25 * (memMB - active) + vms.configs[v].overheadMB
            vms.dirtyRateMbps[v] = meanLevel > 0 ? p.dirtyRateMbps * frac / meanLevel : 0
        }
    }
}
