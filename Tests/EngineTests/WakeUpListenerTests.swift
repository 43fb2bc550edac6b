import Foundation
import Synchronization
import Testing
@testable import Engine

/// The scheduler's wake-up hook stays one call deep however often it is called.
@Suite struct WakeUpListenerTests {
    /// The bare-function version of this hook gained a reabstraction thunk per call; the 100,000th
    /// call then recursed through 100,000 thunks and overflowed a small stack. On a 256 KiB stack
    /// this test crashes the process if that ever comes back.
    @Test func manyNotifications_onASmallStack_eachReachTheListenerOnce() async throws {
        let engine = try TestWorld.engine()
        let job = try await engine.createJob(NewJob(namespace: "ns", service: "test", kind: "pipeline"))
        let calls = Mutex(0)
        engine.wakeUps.withLock { $0 = WakeUpListener { namespace, _ in
            if namespace == "ns" { calls.withLock { $0 += 1 } }
        } }
        let notifications = 100_000
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let thread = Thread {
                for _ in 0..<notifications { engine.notifyDue(job) }
                done.resume()
            }
            thread.stackSize = 256 << 10
            thread.start()
        }
        #expect(calls.withLock { $0 } == notifications)
    }
}
