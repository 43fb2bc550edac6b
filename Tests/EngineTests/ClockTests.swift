import Foundation
import Testing
@testable import Engine

@Suite struct TimestampFormattingTests {
    /// (Unix ms, ISO 8601, IMF-fixdate)
    @Test(arguments: [
        (0 as Int64, "1970-01-01T00:00:00.000Z", "Thu, 01 Jan 1970 00:00:00 GMT"),
        (-1, "1969-12-31T23:59:59.999Z", "Wed, 31 Dec 1969 23:59:59 GMT"),
        (1_767_225_600_000, "2026-01-01T00:00:00.000Z", "Thu, 01 Jan 2026 00:00:00 GMT"),
        (1_709_210_096_789, "2024-02-29T12:34:56.789Z", "Thu, 29 Feb 2024 12:34:56 GMT"),
        (951_782_400_000, "2000-02-29T00:00:00.000Z", "Tue, 29 Feb 2000 00:00:00 GMT"),
        (4_107_542_400_000, "2100-03-01T00:00:00.000Z", "Mon, 01 Mar 2100 00:00:00 GMT"),
        (4_107_542_399_999, "2100-02-28T23:59:59.999Z", "Sun, 28 Feb 2100 23:59:59 GMT"),
        (253_402_300_799_999, "9999-12-31T23:59:59.999Z", "Fri, 31 Dec 9999 23:59:59 GMT"),
        (-2_208_988_800_000, "1900-01-01T00:00:00.000Z", "Mon, 01 Jan 1900 00:00:00 GMT"),
    ])
    func formats_knownAnswers(milliseconds: Int64, iso: String, http: String) {
        let timestamp = Timestamp(unixMilliseconds: milliseconds)
        #expect(timestamp.iso8601 == iso)
        #expect(timestamp.httpDate == http)
        #expect(Timestamp(iso8601: iso) == timestamp)
    }

    @Test(arguments: [
        ("2026-01-01T00:00:00Z", 1_767_225_600_000 as Int64),
        ("2026-01-01T01:00:00+01:00", 1_767_225_600_000),
        ("2025-12-31T19:00:00-05:00", 1_767_225_600_000),
        ("2026-01-01T00:00:00.5Z", 1_767_225_600_500),
        ("2026-01-01T00:00:00.123456789Z", 1_767_225_600_123),
        ("2026-01-01t00:00:00z", 1_767_225_600_000),
        ("2026-01-01 00:00:00Z", 1_767_225_600_000),
    ])
    func parse_acceptsRFC3339Forms(text: String, milliseconds: Int64) {
        #expect(Timestamp(iso8601: text)?.unixMilliseconds == milliseconds)
    }

    @Test(arguments: [
        "2100-02-29T00:00:00Z", "2026-02-30T00:00:00Z", "2026-13-01T00:00:00Z", "2026-01-01T24:00:00Z",
        "2026-01-01T00:60:00Z", "2026-01-01T00:00:00", "2026-01-01", "2026-01-01T00:00:00.Z", "26-01-01T00:00:00Z",
        "2026-01-01T00:00:00+0100", "2026-01-01T00:00:00Z ", "",
    ])
    func parse_rejectsInvalidText(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test func formats_agreeWithFoundation() {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let http = DateFormatter()
        http.locale = Locale(identifier: "en_US_POSIX")
        http.timeZone = TimeZone(identifier: "GMT")
        http.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        var generator = SplitMix64(seed: 7)
        // 1900 … 2200, including many leap days and century boundaries.
        for _ in 0..<2_000 {
            let milliseconds = Int64.random(in: -2_208_988_800_000...7_258_118_400_000, using: &generator)
            let timestamp = Timestamp(unixMilliseconds: milliseconds)
            let date = Date(timeIntervalSince1970: Double(milliseconds) / 1_000)
            #expect(timestamp.httpDate == http.string(from: date))
            #expect(Timestamp(iso8601: iso.string(from: date))?.unixSeconds == timestamp.unixSeconds)
            #expect(Timestamp(iso8601: timestamp.iso8601) == timestamp)
        }
    }

    @Test func civilDate_roundTripsEveryDayOfFourCenturies() {
        // 1600-03-01 … 2400-03-01 covers every leap-year rule twice.
        for days in Int64(-135_080)...Int64(157_134) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }
}

@Suite struct ManualClockTests {
    @Test func startsAtTheDefaultStart() {
        #expect(ManualClock().now.iso8601 == "2026-01-01T00:00:00.000Z")
    }

    @Test func advanceAndSet_moveForwardOnly() throws {
        var clock = ManualClock()
        try clock.advance(by: 90_000)
        #expect(clock.now.iso8601 == "2026-01-01T00:01:30.000Z")
        try clock.set(to: Timestamp(iso8601: "2026-01-01T00:10:00Z")!)
        #expect(clock.now.iso8601 == "2026-01-01T00:10:00.000Z")
        try clock.advance(by: 0)
        #expect(throws: ClockError.self) { try clock.advance(by: -1) }
        #expect(throws: ClockError.backwards(now: clock.now, requested: .defaultManualStart)) {
            try clock.set(to: .defaultManualStart)
        }
        #expect(clock.now.iso8601 == "2026-01-01T00:10:00.000Z")
    }

    @Test func isUsableAsAnyClock() {
        let clock: any Clock = ManualClock(start: Timestamp(unixMilliseconds: 5))
        #expect(clock.now.unixMilliseconds == 5)
    }
}

@Suite struct ScaledRealClockTests {
    /// A monotonic source the test moves by hand.
    final class FakeMonotonic: Sendable {
        // Only touched from the test's own task; the lock-free box keeps the closure @Sendable.
        nonisolated(unsafe) var value: Int64 = 1_000
    }

    @Test func scalesElapsedTimeFromTheAnchor() throws {
        let source = FakeMonotonic()
        let clock = try ScaledRealClock(anchorVirtual: .defaultManualStart, scale: 0.01, monotonic: { source.value })
        #expect(clock.now == .defaultManualStart)
        source.value += 600  // 0.6 s of real time …
        #expect(clock.now.milliseconds(to: clock.now) == 0)
        #expect(Timestamp.defaultManualStart.milliseconds(to: clock.now) == 6)  // … is 6 ms at scale 0.01
    }

    @Test func speedsUp() throws {
        let source = FakeMonotonic()
        let clock = try ScaledRealClock(anchorVirtual: .defaultManualStart, scale: 100, monotonic: { source.value })
        source.value += 600  // 0.6 s of real time is one minute of virtual time
        #expect(clock.now.iso8601 == "2026-01-01T00:01:00.000Z")
        // A job due at 00:02:00 is 0.6 s of real time away.
        #expect(clock.realDelay(until: Timestamp(iso8601: "2026-01-01T00:02:00Z")!) == 600)
        #expect(clock.realDelay(until: .defaultManualStart) == 0)
    }

    @Test func inverse_neverFiresEarly() throws {
        let source = FakeMonotonic()
        let clock = try ScaledRealClock(anchorVirtual: .defaultManualStart, scale: 3, monotonic: { source.value })
        for offset: Int64 in [1, 2, 3, 4, 5, 100, 1_001] {
            let due = Timestamp.defaultManualStart.adding(milliseconds: offset)
            let reading = clock.monotonic(atVirtual: due)
            #expect(clock.virtual(atMonotonic: reading) >= due)
            #expect(clock.virtual(atMonotonic: reading - 1) < due)
        }
    }

    @Test func rescaled_continuesWithoutAJump() throws {
        let source = FakeMonotonic()
        let clock = try ScaledRealClock(anchorVirtual: .defaultManualStart, scale: 2, monotonic: { source.value })
        source.value += 1_000
        let faster = try clock.rescaled(to: 10)
        #expect(faster.now == clock.now)
        source.value += 1_000
        #expect(Timestamp.defaultManualStart.milliseconds(to: faster.now) == 12_000)
    }

    @Test(arguments: [0, -1, Double.infinity, Double.nan])
    func rejectsInvalidScales(scale: Double) {
        #expect(throws: ClockError.self) { try ScaledRealClock(anchorVirtual: .defaultManualStart, scale: scale) }
    }

    @Test func systemSource_tracksRealTime() throws {
        let clock = try ScaledRealClock(anchorVirtual: .defaultManualStart)
        #expect(clock.now >= .defaultManualStart)
        #expect(Timestamp.defaultManualStart.milliseconds(to: clock.now) < 5_000)
    }
}
