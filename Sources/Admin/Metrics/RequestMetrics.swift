import Synchronization

/// Requests counted by service, method, route pattern and status, and a latency histogram per
/// service: what the request middleware records and `/__admin/metrics` exposes. Labels are
/// bounded by construction (route patterns, not paths; statuses; a fixed service list).
public final class RequestMetrics: Sendable {
    /// Upper bounds (seconds) of the latency histogram, Prometheus `le` values; `+Inf` is implied.
    public static let latencyBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                                   1, 2.5, 5, 10]

    struct Key: Hashable {
        var service: String
        var method: String
        var route: String
        var status: Int
    }

    struct Histogram {
        /// Per bucket (not cumulative) plus one for beyond the last bound.
        var counts = [UInt64](repeating: 0, count: RequestMetrics.latencyBuckets.count + 1)
        var sum = 0.0
        var count: UInt64 = 0
    }

    struct State {
        var requests: [Key: UInt64] = [:]
        var latency: [String: Histogram] = [:]
    }

    private let state = Mutex(State())

    public init() {}

    /// Counts one answered request. `route` is the matched pattern, or a fixed word when none matched.
    public func record(service: String, method: String, route: String, status: Int, seconds: Double) {
        // Found outside the lock: the lock is shared by every connection.
        let bucket = Self.latencyBuckets.firstIndex { seconds <= $0 } ?? Self.latencyBuckets.count
        state.withLock { state in
            state.requests[Key(service: service, method: method, route: route, status: status), default: 0] += 1
            state.latency[service, default: Histogram()].counts[bucket] += 1
            state.latency[service, default: Histogram()].sum += seconds
            state.latency[service, default: Histogram()].count += 1
        }
    }

    func snapshot() -> State {
        state.withLock { $0 }
    }
}
