// EventHandle: identifies one scheduled event so it can be cancelled in O(1).

/// Identifies a scheduled event for O(1) cancellation: a slot index plus a generation stamp.
///
/// The stamp is the event's insertion sequence number, which is unique for the lifetime of the
/// queue that issued it. A slot is reused after its event fires or is cancelled, but the new
/// occupant has a different stamp, so an old handle can never cancel a newer event, and the
/// stamp cannot wrap around (a 64-bit counter). A handle is only meaningful to the queue
/// (or `Simulation`) that issued it.
public struct EventHandle: Hashable, Sendable {
    /// Index into the issuing queue's slot table; `-1` for `invalid`.
    @usableFromInline
    internal let slot: Int32

    /// Sequence number of the event the handle was issued for.
    @usableFromInline
    internal let sequence: UInt64

    @inlinable
    internal init(slot: Int32, sequence: UInt64) {
        self.slot = slot
        self.sequence = sequence
    }

    /// A handle that never refers to a pending event; cancelling it returns `false`.
    public static let invalid = EventHandle(slot: -1, sequence: UInt64.max)
}
