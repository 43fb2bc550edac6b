@testable import HTTP
import Testing

/// The state machine's part in streamed responses: a stream is the connection's last response, and
/// the idle timeout runs only while a chunk waits for the client to take it.
@Suite struct StreamingStateMachineTests {
    static func ns(_ seconds: Double) -> UInt64 { UInt64(seconds * 1e9) }

    static func streamResponse() -> HTTPResponse {
        let (chunks, _) = AsyncStream.makeStream(of: [UInt8].self)
        return HTTPResponse(stream: ResponseStream(chunks))
    }

    static func machineResponding() -> ConnectionStateMachine {
        var machine = ConnectionStateMachine(limits: ParserLimits(), timeouts: .init(headerReadSeconds: 10, idleSeconds: 60))
        _ = machine.start(now: 0)
        _ = machine.received(Array("GET /events HTTP/1.1\r\nHost: x\r\n\r\n".utf8), now: ns(1))
        return machine
    }

    @Test func streamedResponse_isNeverKeptAlive() {
        var machine = Self.machineResponding()
        let output = machine.responseReady(Self.streamResponse(), now: Self.ns(2))
        guard case let .respond(_, _, keepAlive) = output.action else {
            Issue.record("expected respond, got \(output.action)")
            return
        }
        #expect(!keepAlive)
    }

    @Test func idleTimeout_runsOnlyWhileAChunkIsPending() {
        var machine = Self.machineResponding()
        // The head write is bounded by the idle timeout like any response.
        _ = machine.responseReady(Self.streamResponse(), now: Self.ns(2))
        #expect(machine.deadline == Self.ns(62))
        machine.streamWriteFinished()
        #expect(machine.deadline == nil)
        // A quiet stream: the timer fires and nothing happens.
        #expect(machine.timerFired(now: Self.ns(62)).scheduleTimeout == nil)
        #expect(!machine.isClosed)
        // A chunk handed over at 500 s must be taken by 560 s…
        let started = machine.streamWriteStarted(now: Self.ns(500))
        #expect(started.scheduleTimeout == Self.ns(560))
        // …or the connection is given up.
        guard case .close = machine.timerFired(now: Self.ns(560)).action else {
            Issue.record("a chunk the client does not read must close the connection")
            return
        }
    }

    @Test func chunkWrittenInTime_clearsTheDeadline() {
        var machine = Self.machineResponding()
        _ = machine.responseReady(Self.streamResponse(), now: Self.ns(2))
        machine.streamWriteFinished()
        _ = machine.streamWriteStarted(now: Self.ns(10))
        machine.streamWriteFinished()
        guard case .none = machine.timerFired(now: Self.ns(70)).action else {
            Issue.record("a written chunk leaves no deadline behind")
            return
        }
    }

    @Test func streamEvents_outsideWriting_doNothing() {
        var machine = ConnectionStateMachine(limits: ParserLimits(), timeouts: .init(headerReadSeconds: 10, idleSeconds: 60))
        _ = machine.start(now: 0)
        #expect(machine.streamWriteStarted(now: Self.ns(1)).scheduleTimeout == nil)
        machine.streamWriteFinished()
        #expect(machine.deadline == Self.ns(60))
    }
}
