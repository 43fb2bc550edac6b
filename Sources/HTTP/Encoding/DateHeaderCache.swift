#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// The `Date` header value (IMF-fixdate, RFC 9110 §5.6.7), formatted at most once a second and
/// shared by every connection.
public final class DateHeaderCache: Sendable {
    public static let shared = DateHeaderCache()

    private let now: @Sendable () -> Int
    private let cache = Mutex<(second: Int, text: String)>((second: Int.min, text: ""))

    /// - Parameter now: seconds since the Unix epoch; injectable so tests need not wait for a second to pass.
    public init(now: (@Sendable () -> Int)? = nil) {
        self.now = now ?? { Int(time(nil)) }
    }

    public func current() -> String {
        let second = now()
        return cache.withLock { cached in
            if cached.second != second {
                cached = (second, Self.format(epochSeconds: second))
            }
            return cached.text
        }
    }

    private static let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `IMF-fixdate = day-name "," SP date1 SP time-of-day SP GMT`, e.g. "Sun, 06 Nov 1994 08:49:37 GMT".
    public static func format(epochSeconds: Int) -> String {
        var seconds = time_t(epochSeconds)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func twoDigits(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(days[Int(parts.tm_wday)]), \(twoDigits(parts.tm_mday)) \(months[Int(parts.tm_mon)]) "
            + "\(parts.tm_year + 1900) \(twoDigits(parts.tm_hour)):\(twoDigits(parts.tm_min)):\(twoDigits(parts.tm_sec)) GMT"
    }
}
