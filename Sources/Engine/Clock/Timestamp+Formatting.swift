// Text forms of a Timestamp: ISO 8601 / RFC 3339 for JSON bodies, IMF-fixdate for the Date header.

import Synchronization

extension Timestamp {
    private static let millisecondsPerDay: Int64 = 86_400_000

    /// `2026-01-01T00:00:00.000Z`: UTC, always with milliseconds, so every timestamp a response shows
    /// has the same width and sorts as text.
    public var iso8601: String { iso8601(milliseconds: true) }

    /// `2026-01-01T00:00:00Z`: the same without the fraction (rounded toward the past).
    public var iso8601Seconds: String { iso8601(milliseconds: false) }

    private func iso8601(milliseconds: Bool) -> String {
        let days = unixMilliseconds.floorDivided(by: Self.millisecondsPerDay)
        let inDay = unixMilliseconds - days * Self.millisecondsPerDay
        let date = CivilDate(daysSinceEpoch: days)
        guard (0...9999).contains(date.year) else {
            let text = slowISO8601(date: date, inDay: inDay)
            return milliseconds ? text : String(text.dropLast(5)) + "Z"
        }
        // Digits written in place: every job a response shows carries several of these, and the
        // string concatenations cost more than the rest of rendering a builder-agent GET.
        return String(unsafeUninitializedCapacity: 24) { buffer in
            var at = 0
            func put(_ value: Int64, _ width: Int) {
                var value = value
                for offset in stride(from: width - 1, through: 0, by: -1) {
                    buffer[at + offset] = 0x30 + UInt8(value % 10)
                    value /= 10
                }
                at += width
            }
            func put(_ byte: Unicode.Scalar) {
                buffer[at] = UInt8(ascii: byte)
                at += 1
            }
            put(date.year, 4); put("-"); put(date.month, 2); put("-"); put(date.day, 2); put("T")
            put(inDay / 3_600_000, 2); put(":"); put(inDay / 60_000 % 60, 2); put(":"); put(inDay / 1_000 % 60, 2)
            if milliseconds {
                put(".")
                put(inDay % 1_000, 3)
            }
            put("Z")
            return at
        }
    }

    /// Years outside 0...9999 (a sign, or a fifth digit): rare enough for string concatenation.
    private func slowISO8601(date: CivilDate, inDay: Int64) -> String {
        var text = ""
        text.reserveCapacity(24)
        text += Self.pad(date.year, 4) + "-" + Self.pad(date.month, 2) + "-" + Self.pad(date.day, 2)
        text += "T" + Self.pad(inDay / 3_600_000, 2) + ":" + Self.pad(inDay / 60_000 % 60, 2) + ":"
        text += Self.pad(inDay / 1_000 % 60, 2) + "." + Self.pad(inDay % 1_000, 3) + "Z"
        return text
    }

    /// The IMF-fixdate of RFC 9110 §5.6.7, `Thu, 01 Jan 2026 00:00:00 GMT`, for `Date`, `Last-Modified`
    /// and `Retry-After`; seconds precision, rounded toward the past.
    public var httpDate: String {
        let seconds = unixSeconds
        // Every response carries one, and a busy second asks for the same text thousands of times.
        if let known = Self.lastHTTPDate.withLock({ $0.seconds == seconds ? $0.text : nil }) { return known }
        let text = Self.httpDate(seconds: seconds)
        Self.lastHTTPDate.withLock { $0 = (seconds, text) }
        return text
    }

    private static let lastHTTPDate = Mutex<(seconds: Int64, text: String)>((Int64.min, ""))

    private static func httpDate(seconds: Int64) -> String {
        let days = seconds.floorDivided(by: 86_400)
        let inDay = seconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        let weekday = Self.weekdayNames[CivilDate.weekday(daysSinceEpoch: days)]
        let month = Self.monthNames[Int(date.month) - 1]
        return "\(weekday), \(Self.pad(date.day, 2)) \(month) \(Self.pad(date.year, 4)) "
            + "\(Self.pad(inDay / 3_600, 2)):\(Self.pad(inDay / 60 % 60, 2)):\(Self.pad(inDay % 60, 2)) GMT"
    }

    /// Parses RFC 3339 date-times: `2026-01-01T00:00:00Z`, with optional fraction (digits beyond
    /// milliseconds are truncated) and `Z` or a `±HH:MM` offset; `t`/`z` and a space separator are
    /// accepted as RFC 3339 §5.6 allows. Nil for anything else, including impossible dates (Feb 30).
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        var index = 0

        func number(_ width: Int) -> Int64? {
            guard index + width <= bytes.count else { return nil }
            var value: Int64 = 0
            for byte in bytes[index..<index + width] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int64(byte - UInt8(ascii: "0"))
            }
            index += width
            return value
        }
        func expect(_ allowed: String) -> Bool {
            guard index < bytes.count, allowed.utf8.contains(bytes[index]) else { return false }
            index += 1
            return true
        }

        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
              expect("Tt "), let hour = number(2), expect(":"), let minute = number(2), expect(":"),
              let second = number(2) else { return nil }
        guard (1...12).contains(month), (1...CivilDate.daysInMonth(year: year, month: month)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }
        var milliseconds: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                if digits < 3 { milliseconds = milliseconds * 10 + Int64(bytes[index] - UInt8(ascii: "0")) }
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            for _ in digits..<max(digits, 3) { milliseconds *= 10 }
        }
        var offsetMinutes: Int64 = 0
        if expect("Zz") {
            offsetMinutes = 0
        } else if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
            let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            guard let offsetHour = number(2), expect(":"), let offsetMinute = number(2), offsetHour < 24, offsetMinute < 60 else { return nil }
            offsetMinutes = sign * (offsetHour * 60 + offsetMinute)
        } else {
            return nil
        }
        guard index == bytes.count else { return nil }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let local = ((days * 24 + hour) * 60 + minute) * 60_000 + second * 1_000 + milliseconds
        self.init(unixMilliseconds: local - offsetMinutes * 60_000)
    }

    private static let weekdayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Zero-padded decimal; negative years keep their sign (outside what RFC 3339 can express anyway).
    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        return value < 0 ? "-" + padded : padded
    }
}
