/// An instant on a namespace clock: whole milliseconds since 1970-01-01T00:00:00Z (UTC, no leap seconds).
///
/// Milliseconds because every API we emulate shows at most millisecond precision (Buildprint's
/// `createdAt` is Unix ms; ISO 8601 strings carry `.SSS`), and Int64 so SQLite stores it as an INTEGER.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var unixMilliseconds: Int64

    public init(unixMilliseconds: Int64) { self.unixMilliseconds = unixMilliseconds }

    /// 2026-01-01T00:00:00Z, where `--clock manual` starts unless `--start-time` says otherwise.
    public static let defaultManualStart = Timestamp(unixMilliseconds: 1_767_225_600_000)

    /// Whole seconds, rounded toward the past (what HTTP dates and Unix-seconds fields show).
    public var unixSeconds: Int64 { unixMilliseconds.floorDivided(by: 1_000) }

    public func adding(milliseconds: Int64) -> Timestamp {
        Timestamp(unixMilliseconds: unixMilliseconds + milliseconds)
    }

    /// Milliseconds from `self` to `later` (negative when `later` is earlier).
    public func milliseconds(to later: Timestamp) -> Int64 { later.unixMilliseconds - unixMilliseconds }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.unixMilliseconds < rhs.unixMilliseconds }

    public var description: String { iso8601 }
}

extension Int64 {
    /// Division rounding toward negative infinity, so instants before 1970 land in the right second/day.
    func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    func floorModulo(_ divisor: Int64) -> Int64 { self - floorDivided(by: divisor) * divisor }
}
