import CEpoll
import Glibc

/// An epoll instance that watches many sockets for input, so one Dispatch read source on its own
/// descriptor can stand for every connection of an I/O queue (see `IOQueue`).
///
/// Why not a Dispatch source per socket: libdispatch re-arms a source through its manager thread
/// after every event (an eventfd poke, a FIONREAD ioctl and an epoll_ctl, and a thread wake-up),
/// which cost about a sixth of a keep-alive request. Here that happens once per batch of ready
/// sockets, and the sockets themselves cost one `epoll_wait` slot each.
///
/// Level-triggered and input only: a socket that has input keeps being reported until it is read
/// or `remove`d, so nothing is lost between batches. Not `Sendable`: one I/O queue owns it.
final class EventSet {
    let fileDescriptor: Int32
    private let ready: UnsafeMutablePointer<epoll_event>
    private let capacity: Int32
    static let defaultCapacity = 64

    /// - Parameter capacity: the most sockets one `forEachReady` call reports.
    init(capacity: Int = EventSet.defaultCapacity) throws(SocketError) {
        let fd = epoll_create1(Int32(EPOLL_CLOEXEC))
        guard fd >= 0 else { throw .lastError("epoll_create1") }
        fileDescriptor = fd
        self.capacity = Int32(max(1, capacity))
        ready = .allocate(capacity: max(1, capacity))
        ready.initialize(repeating: epoll_event(), count: max(1, capacity))
    }

    deinit {
        _ = Glibc.close(fileDescriptor)
        ready.deallocate()
    }

    /// Reports `descriptor`'s input (and its errors and hang-ups, which epoll always reports) as `token`.
    func add(_ descriptor: Int32, token: UInt64) throws(SocketError) {
        var event = epoll_event()
        event.events = EPOLLIN.rawValue
        event.data.u64 = token
        guard epoll_ctl(fileDescriptor, EPOLL_CTL_ADD, descriptor, &event) == 0 else { throw .lastError("epoll_ctl(ADD)") }
    }

    /// Stops reporting `descriptor`. Removing rather than masking its events keeps a paused socket
    /// whose peer reset it from being reported over and over (epoll always reports errors).
    func remove(_ descriptor: Int32) {
        var event = epoll_event()
        // Fails only for a descriptor that is not in the set, which leaves nothing to undo.
        _ = epoll_ctl(fileDescriptor, EPOLL_CTL_DEL, descriptor, &event)
    }

    /// Calls `body` with the token of each socket that is ready now, without waiting; returns how many.
    @discardableResult
    func forEachReady(_ body: (UInt64) -> Void) throws(SocketError) -> Int {
        var count: Int32
        repeat {
            count = epoll_wait(fileDescriptor, ready, capacity, 0)
        } while count < 0 && errno == EINTR
        guard count >= 0 else { throw .lastError("epoll_wait") }
        for index in 0..<Int(count) { body(ready[index].data.u64) }
        return Int(count)
    }
}
