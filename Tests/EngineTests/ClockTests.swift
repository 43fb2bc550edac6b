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
        #expect(timestamp.iso8601Seconds == iso.prefix(19) + "Z")
        #expect(timestamp.httpDate == http)
        // Within one second the remembered text is reused; the next second gets its own.
        let secondStart = Timestamp(unixMilliseconds: timestamp.unixSeconds * 1_000)
        #expect(secondStart.adding(milliseconds: 999).httpDate == http)
        #expect(secondStart.adding(milliseconds: 1_000).httpDate != http)
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

    /// Years without four digits take the slow path; both forms must agree with it.
    @Test(arguments: [
        (-62_167_219_200_001 as Int64, "-0001-12-31T23:59:59.999Z"),
        (253_402_300_800_000, "10000-01-01T00:00:00.000Z"),
    ])
    func yearsOutsideFourDigits_areWrittenInFull(milliseconds: Int64, iso: String) {
        let timestamp = Timestamp(unixMilliseconds: milliseconds)
        #expect(timestamp.iso8601 == iso)
        #expect(timestamp.iso8601Seconds == iso.dropLast(5) + "Z")
    }

    @Test func civilDate_roundTripsEveryDayOfFourCenturies() {
        // 1600-03-01 … 2400-03-01 covers every leap-year rule twice.
        for days in Int64(-135_080)...Int64(157_134) {
            #expect(CivilDate(daysSinceEpoch: days).daysSinceEpoch == days)
        }
    }
}

/// Namespace clocks as stored: manual ones stand still, real ones run `1 / timeScale` times as fast
/// as the wall clock (BRIEF §3: at 0.01 a one-minute step takes 0.6 s).
@Suite struct NamespaceClockTests {
    @Test func manual_standsStillWhateverTheWallClockDoes() {
        let clock = NamespaceClock(mode: .manual, anchorVirtual: 1_000, anchorWall: 50, timeScale: 1)
        #expect(clock.now(wall: 50) == 1_000)
        #expect(clock.now(wall: 999_999) == 1_000)
    }

    @Test func real_atTimeScaleOneHundredth_runsAMinuteInSixHundredMilliseconds() {
        let clock = NamespaceClock(mode: .real, anchorVirtual: 1_000_000, anchorWall: 10, timeScale: 0.01)
        #expect(clock.now(wall: 10 + 600) == 1_000_000 + 60_000)
        #expect(clock.wall(atVirtual: 1_000_000 + 60_000) == 10 + 600)
    }

    @Test func wallTimeOfADueJob_neverComesBeforeItIsDue() {
        let clock = NamespaceClock(mode: .real, anchorVirtual: 0, anchorWall: 0, timeScale: 0.3)
        for virtual in Int64(0)...2_000 {
            #expect(clock.now(wall: clock.wall(atVirtual: virtual)) >= virtual)
        }
    }

    @Test func moved_continuesFromTheNewTime() {
        let clock = NamespaceClock(mode: .real, anchorVirtual: 0, anchorWall: 0, timeScale: 1)
        let moved = clock.moved(to: 90_000, wall: 500)
        #expect(moved.now(wall: 500) == 90_000)
        #expect(moved.now(wall: 1_500) == 91_000)
    }
}
