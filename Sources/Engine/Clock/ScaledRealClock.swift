import Dispatch

/// Real time, sped up or slowed down: `virtual = anchorVirtual + (elapsed since anchor) × scale`.
///
/// Elapsed time is read from a monotonic source, not the wall clock, so an NTP step on the host never
/// moves a namespace's time backwards (due jobs would otherwise run twice or late). With scale 0.01
/// a one-minute deploy takes 0.6 s of real time.
public struct ScaledRealClock: Clock {
    /// The virtual time at the anchor (normally the real UTC time when the server started).
    public let anchorVirtual: Timestamp
    /// The monotonic reading, in milliseconds, at the anchor.
    public let anchorMonotonic: Int64
    public let scale: Double
    private let monotonic: @Sendable () -> Int64

    /// - Parameters:
    ///   - anchorVirtual: virtual time at the anchor.
    ///   - scale: virtual milliseconds per real millisecond (> 0).
    ///   - monotonic: milliseconds from any fixed origin, never decreasing; injectable for tests.
    public init(anchorVirtual: Timestamp, scale: Double = 1.0,
                monotonic: @escaping @Sendable () -> Int64 = ScaledRealClock.systemMonotonicMilliseconds)
        throws(ClockError)
    {
        try self.init(anchorVirtual: anchorVirtual, anchorMonotonic: monotonic(), scale: scale, monotonic: monotonic)
    }

    private init(anchorVirtual: Timestamp, anchorMonotonic: Int64, scale: Double,
                 monotonic: @escaping @Sendable () -> Int64) throws(ClockError) {
        guard scale.isFinite, scale > 0 else { throw .invalidScale(scale) }
        self.anchorVirtual = anchorVirtual
        self.anchorMonotonic = anchorMonotonic
        self.scale = scale
        self.monotonic = monotonic
    }

    /// The host's monotonic clock (CLOCK_MONOTONIC through Dispatch), in milliseconds.
    public static let systemMonotonicMilliseconds: @Sendable () -> Int64 = {
        Int64(DispatchTime.now().uptimeNanoseconds / 1_000_000)
    }

    public var now: Timestamp { virtual(atMonotonic: monotonic()) }

    /// The virtual time at a monotonic reading.
    public func virtual(atMonotonic reading: Int64) -> Timestamp {
        let elapsed = Double(reading - anchorMonotonic) * scale
        return anchorVirtual.adding(milliseconds: Int64(elapsed.rounded(.down)))
    }

    /// The monotonic reading at which the clock shows `virtual`, rounded up so a timer set for it
    /// never fires before the job is due.
    public func monotonic(atVirtual virtual: Timestamp) -> Int64 {
        let elapsed = Double(anchorVirtual.milliseconds(to: virtual)) / scale
        return anchorMonotonic + Int64(elapsed.rounded(.up))
    }

    /// Real milliseconds from now until the clock shows `virtual` (0 if it already has): how long the
    /// scheduler sleeps before the next due job.
    public func realDelay(until virtual: Timestamp) -> Int64 {
        max(0, monotonic(atVirtual: virtual) - monotonic())
    }

    /// The same timeline continued at a new scale from this instant (no jump in virtual time).
    public func rescaled(to newScale: Double) throws(ClockError) -> ScaledRealClock {
        // One reading for both anchors, so the new timeline starts exactly where the old one is.
        let reading = monotonic()
        return try ScaledRealClock(anchorVirtual: virtual(atMonotonic: reading), anchorMonotonic: reading,
                                   scale: newScale, monotonic: monotonic)
    }
}
