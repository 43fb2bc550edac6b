@testable import HTTP
import Testing

/// Table tests: each row is an event and the action (and timer deadline) the machine must answer with.
@Suite struct ConnectionStateMachineTests {
    typealias Machine = ConnectionStateMachine

    enum Step: CustomStringConvertible {
        case start(at: Double)
        case bytes(String, at: Double)
        case respond(Int, at: Double = 1)
        case written(at: Double)
        case eof
        case timer(at: Double)
        case paused(Double, at: Double)
        case shutdown

        var description: String {
            switch self {
            case .start(let t): "start@\(t)"
            case let .bytes(text, t): "bytes(\(text.debugDescription))@\(t)"
            case let .respond(code, t): "respond(\(code))@\(t)"
            case .written(let t): "written@\(t)"
            case .eof: "eof"
            case .timer(let t): "timer@\(t)"
            case let .paused(seconds, t): "paused(\(seconds))@\(t)"
            case .shutdown: "shutdown"
            }
        }
    }

    static let second: UInt64 = 1_000_000_000

    static func ns(_ seconds: Double) -> UInt64 { UInt64(seconds * 1e9) }

    /// A compact spelling of an output, e.g. `call GET /a`, `write 200 keep-alive`, `close +timer@60.0`.
    static func describe(_ output: Machine.Output) -> String {
        var text: String
        switch output.action {
        case .none: text = "none"
        case .callResponder(let request): text = "call \(request.method) \(request.target)"
        case .writeContinue: text = "continue"
        case let .respond(response, _, keepAlive):
            text = "write \(response.status.code) \(keepAlive ? "keep-alive" : "close")"
        case .close: text = "close"
        }
        if let deadline = output.scheduleTimeout { text += " +timer@\(Double(deadline) / 1e9)" }
        return text
    }

    /// Runs `rows` through a fresh machine (header timeout 10 s, idle 60 s) and compares every output.
    static func run(_ rows: [(Step, String)], sourceLocation: SourceLocation = #_sourceLocation) {
        var machine = Machine(limits: ParserLimits(maxBodyBytes: 16),
                              timeouts: .init(headerReadSeconds: 10, idleSeconds: 60))
        for (index, (step, expected)) in rows.enumerated() {
            let output: Machine.Output
            switch step {
            case .start(let t): output = machine.start(now: ns(t))
            case let .bytes(text, t): output = machine.received(Array(text.utf8), now: ns(t))
            case let .respond(code, t): output = machine.responseReady(HTTPResponse(status: HTTPStatus(code)), now: ns(t))
            case .written(let t): output = machine.writeCompleted(now: ns(t))
            case .eof: output = machine.endOfInput()
            case .timer(let t): output = machine.timerFired(now: ns(t))
            case let .paused(seconds, t): output = machine.writePaused(for: ns(seconds), now: ns(t))
            case .shutdown: output = machine.shutdown()
            }
            #expect(describe(output) == expected, "row \(index): \(step)", sourceLocation: sourceLocation)
        }
    }

    @Test func injectedPause_startsTheWriteDeadlineAfterIt() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.paused(100, at: 0.5), "none"),  // not writing: nothing to extend
            (.bytes("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", at: 1), "call GET /a"),
            (.respond(200), "write 200 keep-alive"),
            // A 100 s latency fault: the write may take the idle timeout after the pause.
            (.paused(100, at: 1), "none"),
            (.timer(at: 60), "none +timer@161.0"),
            (.timer(at: 161), "close"),
        ])
    }

    @Test func keepAlive_returnsToIdleAndTheIdleTimerCloses() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", at: 1), "call GET /a"),
            (.respond(200), "write 200 keep-alive"),
            // The idle deadline moves to 62 s, later than the armed timer: no re-arm now…
            (.written(at: 2), "none"),
            // …the timer fires at 60 s and is re-armed for the real deadline.
            (.timer(at: 60), "none +timer@62.0"),
            (.timer(at: 62), "close"),
        ])
    }

    @Test func slowHead_isAnswered408AfterTheHeaderTimeout() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET / HT", at: 1), "none +timer@11.0"),
            (.bytes("TP/1.1\r\nHost: x\r\n", at: 5), "none"),
            // The 408 must itself be read within the idle timeout.
            (.timer(at: 11), "write 408 close +timer@71.0"),
            (.written(at: 11), "close"),
        ])
    }

    @Test func headerTimeout_isMeasuredFromTheFirstByteOfEachRequest() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET /a HTTP/1.1\r\nHost: x\r\n\r\n", at: 1), "call GET /a"),
            (.respond(200), "write 200 keep-alive"),
            (.written(at: 2), "none"),
            (.bytes("GET /b", at: 30), "none +timer@40.0"),
            (.timer(at: 40), "write 408 close +timer@100.0"),
        ])
    }

    @Test func pipelinedRequests_areAnsweredOneAtATimeInOrder() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET /a HTTP/1.1\r\nHost: x\r\n\r\nGET /b HTTP/1.1\r\nHost: x\r\n\r\nGET /c HTTP/1.1\r\nHost: x\r\n\r\n", at: 1),
             "call GET /a"),
            (.respond(200), "write 200 keep-alive"),
            (.written(at: 1), "call GET /b"),
            (.respond(201), "write 201 keep-alive"),
            (.written(at: 1), "call GET /c"),
            (.respond(202), "write 202 keep-alive"),
            (.written(at: 1), "none"),
        ])
    }

    @Test func connectionClose_closesAfterTheResponse() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n", at: 1), "call GET /"),
            (.respond(200), "write 200 close"),
            (.written(at: 1), "close"),
        ])
    }

    @Test func http10WithoutKeepAlive_closesAfterTheResponse() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET / HTTP/1.0\r\n\r\n", at: 1), "call GET /"),
            (.respond(200), "write 200 close"),
            (.written(at: 1), "close"),
        ])
    }

    @Test func http10WithKeepAlive_staysOpen() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", at: 1), "call GET /"),
            (.respond(200), "write 200 keep-alive"),
            (.written(at: 1), "none"),
        ])
    }

    @Test func http10KeepAlive_isEchoedInTheResponse() {
        var machine = Machine(limits: ParserLimits(), timeouts: .init(headerReadSeconds: 10, idleSeconds: 60))
        _ = machine.start(now: 0)
        _ = machine.received(Array("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n".utf8), now: 1)
        guard case let .respond(response, _, keepAlive) = machine.responseReady(HTTPResponse(), now: 1).action else {
            Issue.record("expected a response")
            return
        }
        #expect(keepAlive)
        #expect(response.headers["Connection"] == "keep-alive")
    }

    @Test func expectContinue_writes100ThenReadsTheBody() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("POST /u HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n", at: 1),
             "continue"),
            (.bytes("hello", at: 2), "call POST /u"),
            (.respond(201), "write 201 keep-alive"),
        ])
    }

    @Test func malformedRequest_isAnswered400AndClosed() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET / HTTP/1.1\r\nHost x\r\n\r\n", at: 1), "write 400 close"),
            (.written(at: 1), "close"),
        ])
    }

    @Test func bodyOverTheLimit_isAnswered413AndClosed() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 17\r\n\r\n", at: 1), "write 413 close"),
            (.written(at: 1), "close"),
        ])
    }

    @Test func malformedPipelinedRequest_waitsForTheEarlierResponse() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET /a HTTP/1.1\r\nHost: x\r\n\r\nBROKEN\r\n\r\n", at: 1), "call GET /a"),
            (.respond(200), "write 200 keep-alive"),
            (.written(at: 1), "write 400 close"),
            (.written(at: 1), "close"),
        ])
    }

    @Test func shutdown_closesAnIdleConnectionAtOnce() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.shutdown, "close"),
        ])
    }

    @Test func shutdown_letsAnInFlightRequestFinishWithConnectionClose() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /next HTTP/1.1\r\nHost: x\r\n\r\n", at: 1), "call GET /slow"),
            (.shutdown, "none"),
            (.respond(200), "write 200 close"),
            // The pipelined second request is not started.
            (.written(at: 2), "close"),
        ])
    }

    @Test func shutdown_duringAWrite_closesAfterIt() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n", at: 1), "call GET /"),
            (.respond(200), "write 200 keep-alive"),
            (.shutdown, "none"),
            (.written(at: 1), "close"),
        ])
    }

    @Test func endOfInput_whileIdle_closes() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.eof, "close"),
        ])
    }

    @Test func endOfInput_whileResponding_stillWritesThenCloses() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n", at: 1), "call GET /"),
            (.eof, "none"),
            (.respond(200), "write 200 close"),
            (.written(at: 1), "close"),
        ])
    }

    @Test func timerDuringResponder_doesNothing() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n", at: 1), "call GET /"),
            (.timer(at: 60), "none"),
            // The timer is disarmed, so writing arms it again (for the slow-reader deadline)…
            (.respond(200, at: 65), "write 200 keep-alive +timer@125.0"),
            // …and after the write the idle deadline is later, so the timer re-arms when it fires.
            (.written(at: 70), "none"),
            (.timer(at: 125), "none +timer@130.0"),
        ])
    }

    @Test func clientThatDoesNotReadTheResponse_isClosedAfterTheIdleTimeout() {
        Self.run([
            (.start(at: 0), "none +timer@60.0"),
            (.bytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n", at: 1), "call GET /"),
            (.respond(200, at: 1), "write 200 keep-alive"),
            (.timer(at: 60), "none +timer@61.0"),
            (.timer(at: 61), "close"),
        ])
    }

    @Test func reading_isPausedWhileARequestIsAnswered() {
        var machine = Machine(limits: ParserLimits(), timeouts: .init(headerReadSeconds: 10, idleSeconds: 60))
        _ = machine.start(now: 0)
        #expect(machine.isReading)
        _ = machine.received(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8), now: 1)
        #expect(!machine.isReading)
        _ = machine.responseReady(HTTPResponse(), now: 1)
        #expect(!machine.isReading)
        _ = machine.writeCompleted(now: 2)
        #expect(machine.isReading)
    }

    @Test func responseAfterClose_isIgnored() {
        var machine = Machine(limits: ParserLimits(), timeouts: .init(headerReadSeconds: 10, idleSeconds: 60))
        _ = machine.start(now: 0)
        _ = machine.received(Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8), now: 1)
        machine.closed()
        #expect(Self.describe(machine.responseReady(HTTPResponse(), now: 2)) == "none")
        #expect(machine.isClosed)
    }
}
