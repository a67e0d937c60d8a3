import Foundation
import SimKernel
import Stochastics

/// The churn of one VM entry (docs/model.md "Churn"): Poisson arrivals at
/// `arrivalsPerDay`, log-normal lifetimes with mean `lifetimeMean` and log-sd `lifetimeSigma`.
/// Each arrival is a copy of `template` named `<namePrefix>-churn-NNNN`.
public struct ChurnConfig: Sendable {
    public var template: VMConfig
    public var namePrefix: String
    /// Name of the random stream the arrivals and lifetimes are drawn from
    /// (`churn/<cluster>/<entry index>`: policies and other entries do not change them).
    public var streamName: String
    public var arrivalsPerDay: Double
    public var lifetimeMean: SimTime
    public var lifetimeSigma: Double

    public init(template: VMConfig, namePrefix: String, streamName: String, arrivalsPerDay: Double,
                lifetimeMean: SimTime, lifetimeSigma: Double) {
        self.template = template
        self.namePrefix = namePrefix
        self.streamName = streamName
        self.arrivalsPerDay = arrivalsPerDay
        self.lifetimeMean = lifetimeMean
        self.lifetimeSigma = lifetimeSigma
    }
}

/// One churn arrival: the VM's name, arrival and departure times.
public struct ChurnArrival: Sendable, Equatable {
    public let name: String
    public let arrival: SimTime
    public let departure: SimTime
}

/// Draws one entry's arrivals lazily, in time order: the runtime asks for the next arrival when
/// the previous one fires, so memory does not grow with the run's length.
///
/// The draws are, in order: the first gap; then per arrival its lifetime and the next gap. This is
/// the order the arrivals were drawn in when they were all built up front, so the arrival times,
/// lifetimes and names are the same as before lazy generation.
public struct ChurnProcess {
    public let config: ChurnConfig
    let stream: RandomStream
    let meanGapSeconds: Double
    let mu: Double
    let duration: SimTime
    /// Arrivals drawn so far.
    public private(set) var arrivals = 0
    private var nextSeconds: Double

    public init(_ config: ChurnConfig, seed: UInt64, duration: SimTime) {
        self.config = config
        stream = RandomStream(master: seed, name: config.streamName)
        meanGapSeconds = config.arrivalsPerDay > 0 ? 86_400 / config.arrivalsPerDay : .infinity
        mu = log(max(config.lifetimeMean.seconds, 1)) - config.lifetimeSigma * config.lifetimeSigma / 2
        self.duration = duration
        nextSeconds = config.arrivalsPerDay > 0 ? stream.exponential(mean: meanGapSeconds) : .infinity
    }

    /// Time of the next arrival, or nil when it falls at or after the end of the run.
    public var nextArrival: SimTime? {
        nextSeconds < duration.seconds ? max(SimTime.microseconds(1), SimTime.seconds(nextSeconds)) : nil
    }

    /// Takes the next arrival (at ``nextArrival``, which must not be nil) and draws the one after.
    public mutating func arrive() -> ChurnArrival {
        let (at, departure) = draw()
        return ChurnArrival(name: "\(config.namePrefix)-churn-\(String(format: "%04d", arrivals))", arrival: at, departure: departure)
    }

    /// ``arrive()`` without the name (the peak count needs only the times).
    private mutating func draw() -> (arrival: SimTime, departure: SimTime) {
        guard let at = nextArrival else { preconditionFailure("no churn arrival left in the run") }
        arrivals += 1
        let departure = at + SimTime.seconds(stream.logNormal(mu: mu, sigma: config.lifetimeSigma))
        nextSeconds += stream.exponential(mean: meanGapSeconds)
        return (at, departure)
    }

    /// The most VMs of this process alive at once during the run: the table rows the runtime
    /// reserves for it. Runs a copy of the process once, O(arrivals × log peak) time and O(peak)
    /// memory. A VM whose departure equals an arrival's time counts as alive then, so the bound
    /// holds whatever order equal-time events run in.
    public static func peakLive(_ config: ChurnConfig, seed: UInt64, duration: SimTime) -> Int {
        var process = ChurnProcess(config, seed: seed, duration: duration)
        var departures = MinHeap()
        var peak = 0
        while process.nextArrival != nil {
            let a = process.draw()
            while let first = departures.first, first < a.arrival.microseconds { departures.removeFirst() }
            departures.insert(a.departure.microseconds)
            peak = max(peak, departures.count)
        }
        return peak
    }
}

/// A binary min-heap of microsecond times (for ``ChurnProcess/peakLive(_:seed:duration:)``).
struct MinHeap {
    private var items: [Int64] = []
    var count: Int { items.count }
    var first: Int64? { items.first }

    mutating func insert(_ x: Int64) {
        items.append(x)
        var i = items.count - 1
        while i > 0 {
            let p = (i - 1) / 2
            guard items[i] < items[p] else { break }
            items.swapAt(i, p)
            i = p
        }
    }

    mutating func removeFirst() {
        guard let last = items.popLast() else { return }
        guard !items.isEmpty else { return }
        items[0] = last
        var i = 0
        while true {
            let l = 2 * i + 1, r = l + 1
            var m = i
            if l < items.count && items[l] < items[m] { m = l }
            if r < items.count && items[r] < items[m] { m = r }
            if m == i { break }
            items.swapAt(i, m)
            i = m
        }
    }
}
