#if canImport(Glibc)
internal import Glibc
#elseif canImport(Musl)
internal import Musl
#elseif canImport(Darwin)
internal import Darwin
#endif

/// A plain mutex with separate `lock()` and `unlock()`, for the Store's critical sections that end on
/// more than one path. It replaces `NSLock`, the one thing the Store took from Foundation, so the
/// server links no Foundation beyond FoundationEssentials (startup time and memory, issue 2).
///
/// `@unchecked Sendable` holds because the only state is the pthread mutex, which exists to be shared
/// between threads; it lives at a fixed heap address (never moved, as a Swift stored property could be).
final class Lock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        let result = pthread_mutex_init(mutex, nil)
        precondition(result == 0, "pthread_mutex_init failed: \(result)")
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deinitialize(count: 1)
        mutex.deallocate()
    }

    func lock() {
        let result = pthread_mutex_lock(mutex)
        precondition(result == 0, "pthread_mutex_lock failed: \(result)")
    }

    func unlock() {
        let result = pthread_mutex_unlock(mutex)
        precondition(result == 0, "pthread_mutex_unlock failed: \(result)")
    }
}
