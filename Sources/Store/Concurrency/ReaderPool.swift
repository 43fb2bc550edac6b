internal import Dispatch

/// A few read-only connections, lent to one borrower at a time; WAL lets them read while the writer
/// commits, each inside its own snapshot (https://www.sqlite.org/wal.html#concurrency).
///
/// `@unchecked Sendable` holds because a connection is only ever used by the one borrower that took
/// it out of `idle`; `idle`, `opened` and `isClosed` change only under `lock`, and taking and returning
/// a connection through that lock orders one borrower's use before the next's.
final class ReaderPool: @unchecked Sendable {
    private let path: String
    private let busyTimeoutMilliseconds: Int
    private let capacity: Int
    /// Counts connections not lent out, so a borrower beyond `capacity` sleeps rather than spins.
    private let available: DispatchSemaphore
    private let lock = Lock()
    private var idle: [SQLiteConnection] = []
    private var isClosed = false

    init(path: String, capacity: Int, busyTimeoutMilliseconds: Int) {
        precondition(capacity >= 1)
        self.path = path
        self.capacity = capacity
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.available = DispatchSemaphore(value: capacity)
    }

    func withConnection<T>(_ body: (SQLiteConnection) throws -> T) throws -> T {
        available.wait()
        defer { available.signal() }
        lock.lock()
        guard !isClosed else {
            lock.unlock()
            throw SQLiteError.closed
        }
        let reused = idle.popLast()
        lock.unlock()
        // Opened lazily: most runs never need all of them, and startup time is a measured bar.
        let connection = try reused ?? SQLiteConnection(path: path, queryOnly: true,
                                                        busyTimeoutMilliseconds: busyTimeoutMilliseconds)
        defer {
            lock.lock()
            idle.append(connection)
            lock.unlock()
        }
        return try body(connection)
    }

    /// Waits for every borrower to return, then closes all connections.
    func close() throws {
        for _ in 0..<capacity { available.wait() }
        defer { for _ in 0..<capacity { available.signal() } }
        lock.lock()
        isClosed = true
        let connections = idle
        idle = []
        lock.unlock()
        var firstError: (any Error)?
        for connection in connections {
            do {
                try connection.close()
            } catch {
                firstError = firstError ?? error
            }
        }
        if let firstError { throw firstError }
    }
}
