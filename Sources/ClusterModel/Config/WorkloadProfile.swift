import SimKernel

/// Parameters of the stochastic CPU and memory workload of docs/model.md "Workload", shared by all VMs of a profile.
///
/// `cpu(t) = clamp(mean × diurnal(t) × weekly(t) × growth(t) × noise(t) × burst(t), 0, 1)`, where a
/// burst multiplies demand by `burstFactor` while it lasts (DESIGN's additive `burst(t)` term equals
/// `(factor − 1) × base(t)`).
///
/// Neutral values only (no diurnal swing, weekend factor 1, no noise, no bursts, no growth, no
/// memory noise, no page dirtying, no trace: each term switched off); documented defaults live in
/// Scenarios' `WorkloadSpec` blocks (docs/scenario-format.md "VM profiles", `workload:`), and `ModelBuilder`
/// passes every one of them.
public struct WorkloadProfile: Sendable {
    public var cpuMean: Double
    public var diurnalAmplitude: Double
    public var diurnalPeakHour: Double
    public var weekendFactor: Double
    /// σ of the log-normal multiplicative noise (0 = none).
    public var noiseSigma: Double
    /// τ of the AR(1) noise: φ = exp(−Δt/τ).
    public var noiseCorrelationTime: SimTime
    public var burstsPerDay: Double
    public var burstFactor: Double
    public var burstMeanDuration: SimTime
    public var growthPerMonth: Double
    public var activeFraction: Double
    /// Consumed (touched) memory as a fraction of configured memory; never below active.
    public var consumedFraction: Double
    /// σ of the log-normal noise on active and consumed memory (0 = none).
    public var memoryNoiseSigma: Double
    /// Page dirty rate in Mbit/s at the profile's mean CPU demand; scales with current demand.
    public var dirtyRateMbps: Double
    /// Writable working set as a fraction of configured memory.
    public var wwsFraction: Double
    /// Trace replay instead of the stochastic CPU model (index into ``ClusterConfig/traces``), or -1.
    public var traceSet: Int32

    public init(
        cpuMean: Double, diurnalAmplitude: Double = 0, diurnalPeakHour: Double,
        weekendFactor: Double = 1, noiseSigma: Double = 0, noiseCorrelationTime: SimTime,
        burstsPerDay: Double = 0, burstFactor: Double = 1, burstMeanDuration: SimTime,
        growthPerMonth: Double = 0, activeFraction: Double, consumedFraction: Double, memoryNoiseSigma: Double = 0,
        dirtyRateMbps: Double = 0, wwsFraction: Double, traceSet: Int32 = -1
    ) {
        self.cpuMean = cpuMean; self.diurnalAmplitude = diurnalAmplitude
        self.diurnalPeakHour = diurnalPeakHour; self.weekendFactor = weekendFactor
        self.noiseSigma = noiseSigma; self.noiseCorrelationTime = noiseCorrelationTime
        self.burstsPerDay = burstsPerDay; self.burstFactor = burstFactor
        self.burstMeanDuration = burstMeanDuration; self.growthPerMonth = growthPerMonth
        self.activeFraction = activeFraction; self.consumedFraction = consumedFraction
        self.memoryNoiseSigma = memoryNoiseSigma
        self.dirtyRateMbps = dirtyRateMbps; self.wwsFraction = wwsFraction; self.traceSet = traceSet
    }

    /// Analytic long-run mean of `mean × diurnal × weekly` (noise has mean 1 by construction; no
    /// bursts, no growth, no clamping): the diurnal cosine averages to 1 over a day, the weekly
    /// factor to (5 + 2w)/7 over a week.
    public var analyticMeanWithoutBursts: Double {
        cpuMean * (5 + 2 * weekendFactor) / 7
    }
}
