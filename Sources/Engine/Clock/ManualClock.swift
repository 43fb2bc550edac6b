/// A frozen clock that moves only when told to (`POST /__admin/clock/advance`): tests never sleep.
///
/// A value, not a shared object: the scheduler owns one per namespace, persists `now` with the
/// namespace, and steps it through each due time in turn while advancing, so a cascade of transitions
/// sees the time each one was due (STYLE habit 7).
public struct ManualClock: Clock, Hashable {
    public private(set) var now: Timestamp

    public init(start: Timestamp = .defaultManualStart) { now = start }

    /// Moves forward by `milliseconds` (≥ 0).
    public mutating func advance(by milliseconds: Int64) throws(ClockError) {
        guard milliseconds >= 0 else { throw .backwards(now: now, requested: now.adding(milliseconds: milliseconds)) }
        now = now.adding(milliseconds: milliseconds)
    }

    /// Moves to `time`, which must not be earlier than `now`.
    public mutating func set(to time: Timestamp) throws(ClockError) {
        guard time >= now else { throw .backwards(now: now, requested: time) }
        now = time
    }
}
