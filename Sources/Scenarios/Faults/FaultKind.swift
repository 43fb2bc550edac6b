#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What an injected fault does, with its parameters. HTTP kinds bend one response; `fail` bends a
/// job's lifecycle; the webhook kinds bend one delivery attempt (docs/FAULTS.md).
public enum FaultKind: Sendable, Hashable {
    /// Answer with this 4xx/5xx in the emulated API's own error shape instead of calling it.
    case status(code: Int, retryAfterSeconds: Int?, message: String?)
    /// Hold the real response back.
    case latency(LatencySpec)
    /// TCP RST instead of a response.
    case reset
    /// Close without a byte.
    case empty
    /// A 200 whose JSON body does not parse.
    case malformed(body: String?)
    /// The real response with only `bytes` of its body (half when nil), then a close.
    case truncate(bytes: Int?)
    /// The real response, its body in `chunkBytes` pieces `intervalMs` apart.
    case drip(chunkBytes: Int, intervalMs: Int64)
    /// Read the request and answer nothing for `maxMs` (or until the client closes).
    case hang(maxMs: Int64)
    /// The job goes to its scenario's failed step instead of making a move.
    case fail(at: FailPoint, code: String?, message: String?)
    /// The attempt is lost on the way: the receiver sees nothing and the sender records a timeout.
    case drop
    /// The attempt goes out `ms` of virtual time later than planned.
    case delay(ms: Int64)
    /// The attempt reaches the receiver twice.
    case duplicate
    /// The attempt is answered `status` without reaching the receiver.
    case receiver5xx(status: Int)

    /// Where a fault is applied.
    public enum Layer: String, Sendable, Hashable {
        case http, lifecycle, webhook
    }

    public static let httpNames = ["status", "latency", "reset", "empty", "malformed", "truncate", "drip", "hang"]
    public static let allNames = httpNames + ["fail", "drop", "delay", "duplicate", "receiver-5xx"]

    /// The name used in rules, the header and metrics.
    public var name: String {
        switch self {
        case .status: "status"
        case .latency: "latency"
        case .reset: "reset"
        case .empty: "empty"
        case .malformed: "malformed"
        case .truncate: "truncate"
        case .drip: "drip"
        case .hang: "hang"
        case .fail: "fail"
        case .drop: "drop"
        case .delay: "delay"
        case .duplicate: "duplicate"
        case .receiver5xx: "receiver-5xx"
        }
    }

    public var layer: Layer {
        switch self {
        case .status, .latency, .reset, .empty, .malformed, .truncate, .drip, .hang: .http
        case .fail: .lifecycle
        case .drop, .delay, .duplicate, .receiver5xx: .webhook
        }
    }

    /// A short label for the journal and logs: `status:503`, `latency:250ms`, `reset`.
    public var label: String {
        switch self {
        case .status(let code, _, _): "status:\(code)"
        case .truncate(let bytes?): "truncate:\(bytes)"
        case .receiver5xx(let status): "receiver-5xx:\(status)"
        case .delay(let ms): "delay:\(ms)ms"
        default: name
        }
    }
}

/// Which move of a job a `fail` fault replaces.
public enum FailPoint: Sendable, Hashable {
    /// The Nth move after creation (1 = the first timer or event that moves the job).
    case move(Int)
    /// The move that would enter this step.
    case step(String)
}

/// How long an injected latency lasts, in milliseconds of wall time.
public enum LatencySpec: Sendable, Hashable {
    case fixed(Int64)
    case uniform(min: Int64, max: Int64)
    /// exp(N(ln median, sigma²)): mostly near the median with a long tail, like real networks.
    case lognormal(median: Int64, sigma: Double)

    /// No injected latency lasts longer than this, whatever the tail draws.
    public static let ceilingMs: Int64 = 600_000

    /// The delay for one call; draws only for the random shapes.
    public func resolve(using generator: inout some RandomNumberGenerator) -> Int64 {
        switch self {
        case .fixed(let ms):
            return ms
        case .uniform(let min, let max):
            return max > min ? Int64.random(in: min...max, using: &generator) : min
        case .lognormal(let median, let sigma):
            // Box–Muller: two uniforms in (0, 1] give one standard normal.
            let u1 = Double.random(in: Double.ulpOfOne...1, using: &generator)
            let u2 = Double.random(in: 0..<1, using: &generator)
            let z = (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
            let value = Double(median) * exp(sigma * z)
            return Swift.min(Self.ceilingMs, Swift.max(0, Int64(value.rounded())))
        }
    }
}
