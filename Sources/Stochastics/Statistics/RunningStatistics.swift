/// Running count, sum, mean, variance, min and max in O(1) memory (Welford 1962; merging by
/// Chan, Golub & LeVeque 1979), for metrics accumulated over a whole run.
///
/// Same conventions as `Statistics`: an empty accumulator has mean, min and max NaN; the
/// variance uses divisor n − 1 and is 0 when n < 2.
public struct RunningStatistics: Sendable, Equatable {
    /// Number of values added.
    public private(set) var count: Int = 0
    /// Sum of the values added.
    public private(set) var sum: Double = 0
    private var runningMean: Double = 0
    private var sumOfSquaredDeviations: Double = 0
    private var smallest: Double = .infinity
    private var largest: Double = -.infinity

    /// Creates an empty accumulator.
    public init() {}

    /// Adds one value. O(1).
    public mutating func add(_ x: Double) {
        count += 1
        sum += x
        let delta = x - runningMean
        runningMean += delta / Double(count)
        sumOfSquaredDeviations += delta * (x - runningMean)
        smallest = Swift.min(smallest, x)
        largest = Swift.max(largest, x)
    }

    /// Adds everything `other` has seen, as if its values had been added here.
    public mutating func merge(_ other: RunningStatistics) {
        guard other.count > 0 else { return }
        guard count > 0 else {
            self = other
            return
        }
        let total = count + other.count
        let delta = other.runningMean - runningMean
        let weight = Double(count) * Double(other.count) / Double(total)
        sumOfSquaredDeviations += other.sumOfSquaredDeviations + delta * delta * weight
        runningMean += delta * Double(other.count) / Double(total)
        count = total
        sum += other.sum
        smallest = Swift.min(smallest, other.smallest)
        largest = Swift.max(largest, other.largest)
    }

    /// Mean of the values; NaN when empty.
    public var mean: Double { count > 0 ? runningMean : .nan }

    /// Sample variance, divisor n − 1; 0 when n < 2.
    public var variance: Double { count >= 2 ? sumOfSquaredDeviations / Double(count - 1) : 0 }

    /// Sample standard deviation, divisor n − 1; 0 when n < 2.
    public var standardDeviation: Double { variance.squareRoot() }

    /// Smallest value; NaN when empty.
    public var min: Double { count > 0 ? smallest : .nan }

    /// Largest value; NaN when empty.
    public var max: Double { count > 0 ? largest : .nan }
}
