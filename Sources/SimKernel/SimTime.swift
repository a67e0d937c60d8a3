// SimTime: simulated time and durations as integer microseconds (DESIGN.md §2).
// Integer time keeps the kernel's event order exact and reproducible across platforms.

/// Simulated time or duration in integer microseconds.
///
/// The same type is used for instants (time since the start of a run) and for durations.
/// Arithmetic traps on `Int64` overflow, like the integer operators it wraps; `SimTime.max`
/// (about 292,000 years) is meant as an "end of time" sentinel, not as an operand.
public struct SimTime: Hashable, Comparable, Sendable {
    /// The time or duration, in microseconds.
    public var microseconds: Int64

    /// Creates a time from a count of microseconds.
    @inlinable
    public init(microseconds: Int64) {
        self.microseconds = microseconds
    }

    /// Time zero: the start of every run, and the empty duration.
    public static let zero = SimTime(microseconds: 0)

    /// The latest representable time; use it to run until the queue is exhausted.
    public static let max = SimTime(microseconds: Int64.max)

    /// This time in seconds, as a `Double` (for reporting, never for ordering).
    @inlinable
    public var seconds: Double { Double(microseconds) / 1_000_000 }

    /// Orders times chronologically.
    @inlinable
    public static func < (lhs: SimTime, rhs: SimTime) -> Bool {
        lhs.microseconds < rhs.microseconds
    }
}

// MARK: - Unit constructors

extension SimTime {
    /// A time of `v` microseconds.
    @inlinable
    public static func microseconds(_ v: Int64) -> SimTime { SimTime(microseconds: v) }

    /// A time of `v` milliseconds.
    @inlinable
    public static func milliseconds(_ v: Int64) -> SimTime { SimTime(microseconds: v * 1_000) }

    /// A time of `v` whole seconds.
    @inlinable
    public static func seconds(_ v: Int64) -> SimTime { SimTime(microseconds: v * 1_000_000) }

    /// A time of `v` seconds, rounded to the nearest microsecond (halves away from zero).
    ///
    /// Disfavoured so that an integer literal (`.seconds(5)`) picks the exact `Int64` overload
    /// instead of being ambiguous. `v` must be finite and within the range of `SimTime`.
    @_disfavoredOverload
    @inlinable
    public static func seconds(_ v: Double) -> SimTime {
        let us = (v * 1_000_000).rounded()
        precondition(
            us.isFinite && us >= -0x1p63 && us < 0x1p63,
            "SimTime.seconds(\(v)) is not finite or out of range")
        return SimTime(microseconds: Int64(us))
    }

    /// A time of `v` minutes.
    @inlinable
    public static func minutes(_ v: Int64) -> SimTime { SimTime(microseconds: v * 60_000_000) }

    /// A time of `v` hours.
    @inlinable
    public static func hours(_ v: Int64) -> SimTime { SimTime(microseconds: v * 3_600_000_000) }

    /// A time of `v` days of 24 hours.
    @inlinable
    public static func days(_ v: Int64) -> SimTime { SimTime(microseconds: v * 86_400_000_000) }
}

// MARK: - Arithmetic

extension SimTime {
    /// The sum of two times (an instant plus a duration, or two durations).
    @inlinable
    public static func + (lhs: SimTime, rhs: SimTime) -> SimTime {
        SimTime(microseconds: lhs.microseconds + rhs.microseconds)
    }

    /// The difference of two times (the duration between two instants, or an instant minus a duration).
    @inlinable
    public static func - (lhs: SimTime, rhs: SimTime) -> SimTime {
        SimTime(microseconds: lhs.microseconds - rhs.microseconds)
    }

    /// Adds `rhs` to `lhs` in place.
    @inlinable
    public static func += (lhs: inout SimTime, rhs: SimTime) { lhs = lhs + rhs }

    /// Subtracts `rhs` from `lhs` in place.
    @inlinable
    public static func -= (lhs: inout SimTime, rhs: SimTime) { lhs = lhs - rhs }

    /// A duration scaled by an integer factor.
    @inlinable
    public static func * (lhs: SimTime, rhs: Int64) -> SimTime {
        SimTime(microseconds: lhs.microseconds * rhs)
    }

    /// A duration scaled by an integer factor.
    @inlinable
    public static func * (lhs: Int64, rhs: SimTime) -> SimTime {
        SimTime(microseconds: lhs * rhs.microseconds)
    }

    /// A duration divided by an integer, truncated toward zero like `Int64` division.
    @inlinable
    public static func / (lhs: SimTime, rhs: Int64) -> SimTime {
        SimTime(microseconds: lhs.microseconds / rhs)
    }
}
