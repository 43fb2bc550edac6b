/// What the real-clock scheduler gives the engine to hear of new due times: a namespace and a due
/// time in virtual Unix milliseconds.
///
/// A struct around the function, not the bare function type, because of where it lives: in a
/// `Mutex`, read through `withLock`'s generic `inout`. A bare function value read that way is
/// reabstracted on the way in and again on the way back, so every call stored one more thunk around
/// the last; calling it then recursed through all of them. Over a 10-minute soak that chain grew with
/// every job, each dispatch thread's stack grew to match (about 1.5 MiB of resident memory a minute),
/// and in time it would have overflowed a stack. A struct field is never reabstracted.
struct WakeUpListener: Sendable {
    let notify: @Sendable (_ namespace: String, _ dueVirtualMilliseconds: Int64) -> Void
}
