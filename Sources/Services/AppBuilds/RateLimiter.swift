import Synchronization

/// Token buckets per API key on the namespace clock: `rate` requests per second sustained, bursts of
/// up to `rate` (at least 1). Time comes from the caller, so on the manual clock a test exhausts a
/// bucket, sees 429, advances the clock and is served again; nothing here reads the wall clock.
final class RateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updatedMs: Int64
    }

    let rate: Double
    let capacity: Double
    private let buckets = Mutex<[String: Bucket]>([:])

    init(perSecond rate: Double) {
        self.rate = rate
        capacity = max(1, rate)
    }

    /// Takes a token for `key` at `nowMs`. - Returns: nil when allowed, else the whole seconds to wait
    /// (for `Retry-After`, RFC 9110 §10.2.3), at least 1.
    func take(key: String, nowMs: Int64) -> Int? {
        buckets.withLock { buckets in
            var bucket = buckets[key] ?? Bucket(tokens: capacity, updatedMs: nowMs)
            // A clock that moved back (a reset namespace starts over) refills nothing rather than draining.
            let elapsed = max(0, nowMs - bucket.updatedMs)
            bucket.tokens = min(capacity, bucket.tokens + Double(elapsed) * rate / 1_000)
            bucket.updatedMs = nowMs
            defer { buckets[key] = bucket }
            if bucket.tokens >= 1 {
                bucket.tokens -= 1
                return nil
            }
            let seconds = (1 - bucket.tokens) / rate
            return max(1, Int(seconds.rounded(.up)))
        }
    }
}
