/// The source of "now" for one namespace: every timestamp a response, event or webhook carries comes
/// from here, never from the wall clock directly.
///
/// This shadows the standard library's `Clock` inside modules that import Engine; write `Swift.Clock`
/// for the other one.
public protocol Clock: Sendable {
    var now: Timestamp { get }
}

/// Why a clock refused to move.
public enum ClockError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A manual clock only moves forward; due jobs already ran at the times it passed.
    case backwards(now: Timestamp, requested: Timestamp)
    /// The time scale must be a finite number above zero.
    case invalidScale(Double)

    public var description: String {
        switch self {
        case .backwards(let now, let requested):
            return "the clock cannot move backwards (now \(now.iso8601), requested \(requested.iso8601))"
        case .invalidScale(let scale):
            return "time scale must be a finite number above 0, not \(scale)"
        }
    }
}
