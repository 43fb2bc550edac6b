import Foundation

/// Runs blocking work (a `RawSocketClient` conversation) on a thread of its own. Not on the cooperative
/// pool, which has one thread per core: a test blocked in `poll` there starves the responder task it
/// waits for. Not on Dispatch's global queues either: the server's queues run there, and Linux
/// libdispatch adds threads only slowly when parallel tests block many of them.
public func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        let thread = Thread {
            continuation.resume(with: Result { try body() })
        }
        thread.name = "buildermock.test.blocking"
        thread.start()
    }
}
