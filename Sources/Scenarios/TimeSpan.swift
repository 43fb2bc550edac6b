/// A length of virtual time, in whole milliseconds, written `"250ms"`, `"90s"`, `"1m30s"`, `"2h"`.
///
/// Named `TimeSpan` rather than `Duration` so it does not shadow `Swift.Duration` in every file that
/// imports this module. Milliseconds are the engine's unit: due times are Unix milliseconds.
public struct TimeSpan: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var milliseconds: Int64

    public init(milliseconds: Int64) { self.milliseconds = milliseconds }

    public static func milliseconds(_ value: Int64) -> TimeSpan { TimeSpan(milliseconds: value) }
    public static func seconds(_ value: Int64) -> TimeSpan { TimeSpan(milliseconds: value * 1_000) }
    public static func minutes(_ value: Int64) -> TimeSpan { TimeSpan(milliseconds: value * 60_000) }
    public static func hours(_ value: Int64) -> TimeSpan { TimeSpan(milliseconds: value * 3_600_000) }
    public static let zero = TimeSpan(milliseconds: 0)

    // Largest unit first; each unit at most once. `d` is accepted for week-long stalls in fault plans.
    private static let units: [(suffix: String, milliseconds: Int64)] = [
        ("d", 86_400_000), ("h", 3_600_000), ("m", 60_000), ("s", 1_000), ("ms", 1),
    ]

    /// Parses `"1h2m3s4ms"`-style text: non-negative integers with units d, h, m, s, ms, largest first.
    /// Returns nil for anything else (empty text, signs, fractions, spaces, repeated or out-of-order units).
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return nil }
        var index = 0
        var total: Int64 = 0
        var lastUnit = -1
        while index < bytes.count {
            var number: Int64 = 0
            let digitsStart = index
            while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
                let (times10, overflow1) = number.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(Int64(bytes[index] - UInt8(ascii: "0")))
                guard !overflow1, !overflow2 else { return nil }
                number = sum
                index += 1
            }
            guard index > digitsStart else { return nil }
            var suffixEnd = index
            while suffixEnd < bytes.count, bytes[suffixEnd] >= UInt8(ascii: "a"), bytes[suffixEnd] <= UInt8(ascii: "z") {
                suffixEnd += 1
            }
            let suffix = String(decoding: bytes[index..<suffixEnd], as: UTF8.self)
            guard let unit = Self.units.firstIndex(where: { $0.suffix == suffix }), unit > lastUnit else { return nil }
            lastUnit = unit
            let (scaled, overflow1) = number.multipliedReportingOverflow(by: Self.units[unit].milliseconds)
            let (sum, overflow2) = total.addingReportingOverflow(scaled)
            guard !overflow1, !overflow2 else { return nil }
            total = sum
            index = suffixEnd
        }
        milliseconds = total
    }

    /// Canonical text: largest units first, zero parts omitted, `"0s"` for zero (`90_000` → `"1m30s"`).
    /// Days are not used in output, so `"36h"` stays readable.
    public var description: String {
        guard milliseconds > 0 else { return milliseconds == 0 ? "0s" : "-" + TimeSpan(milliseconds: -milliseconds).description }
        var rest = milliseconds
        var text = ""
        for (suffix, size) in Self.units.dropFirst() where rest >= size {
            text += "\(rest / size)\(suffix)"
            rest %= size
        }
        return text
    }

    public static func < (lhs: TimeSpan, rhs: TimeSpan) -> Bool { lhs.milliseconds < rhs.milliseconds }
}

extension TimeSpan: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let span = TimeSpan(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "invalid duration \"\(text)\"")
        }
        self = span
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
