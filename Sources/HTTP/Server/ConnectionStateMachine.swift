/// The decisions of one HTTP/1.1 server connection, as a pure value: events go in (bytes arrived, the
/// responder answered, a write finished, the timer fired, shutdown began) and an `Output` comes out
/// for `Connection`, the I/O shell, to carry out. No sockets, no clock, no queues: time is passed in
/// as monotonic nanoseconds, so every path is a table test.
///
/// Requests on one connection are answered strictly in order (RFC 9112 §9.3.2): the parser is only
/// asked for the next request after the previous response has been written, so pipelined bytes wait
/// in the parser's buffer.
struct ConnectionStateMachine {
    /// Timeouts in nanoseconds.
    struct Timeouts: Equatable {
        /// From the first byte of a request until it is complete (until its head, for requests that
        /// announce `Expect: 100-continue`): the slowloris guard.
        var headerRead: UInt64
        /// How long a keep-alive connection may sit between requests; also bounds a body upload that
        /// follows `100 Continue`, and a response write the client does not read.
        var idle: UInt64

        init(headerReadSeconds: Double, idleSeconds: Double) {
            headerRead = Self.nanoseconds(headerReadSeconds)
            idle = Self.nanoseconds(idleSeconds)
        }

        private static func nanoseconds(_ seconds: Double) -> UInt64 {
            seconds <= 0 ? 0 : UInt64(min(seconds, 1e9) * 1e9)
        }
    }

    /// What the shell must do next.
    enum Action {
        case none
        /// Hand the request to the responder; report its answer with `responseReady`.
        case callResponder(HTTPRequest)
        /// Write `HTTP/1.1 100 Continue` and keep reading (RFC 9110 §10.1.1).
        case writeContinue
        /// Serialize and write `response` (carrying out its `delivery`), then report `writeCompleted`.
        /// `keepAlive` false means the head says `Connection: close` and the connection closes after it.
        case respond(HTTPResponse, RequestSummary, keepAlive: Bool)
        /// Close the connection (orderly: FIN after anything already written).
        case close
    }

    /// An action plus, when the single per-connection timer must fire earlier than it is armed for, the
    /// new monotonic deadline. A deadline that moves later (every keep-alive request pushes the idle
    /// deadline) does not re-arm the timer: it fires at the old time and `timerFired` re-arms it then.
    struct Output {
        var action: Action
        var scheduleTimeout: UInt64?

        init(_ action: Action, scheduleTimeout: UInt64? = nil) {
            self.action = action
            self.scheduleTimeout = scheduleTimeout
        }
    }

    enum ReadPhase: Equatable {
        /// Between requests: no byte of the next request yet (idle timeout).
        case idle
        /// Some bytes of a request are here, its head is not complete (header-read timeout).
        case head
        /// `100 Continue` was sent and the body is on its way (idle timeout).
        case body
    }

    enum State {
        case reading(ReadPhase)
        /// The responder is working on a request; reading is paused.
        /// `http10` requests that kept the connection open with `Connection: keep-alive`, which the
        /// response must echo or the client assumes a close (RFC 9112 §C.2.2).
        case responding(RequestSummary, keepAlive: Bool, http10: Bool)
        /// A response is being written.
        case writing(keepAlive: Bool)
        case closed
    }

    private(set) var state: State = .reading(.idle)
    private(set) var isShuttingDown = false
    private var parser: RequestParser
    private let timeouts: Timeouts
    /// When the current phase times out; nil while the responder works or a response is written.
    private(set) var deadline: UInt64?
    /// What the shell's timer is armed for, so the machine knows when it must re-arm it earlier.
    private var armedTimer: UInt64?

    init(limits: ParserLimits, timeouts: Timeouts) {
        parser = RequestParser(limits: limits)
        self.timeouts = timeouts
    }

    /// Whether the shell should read from the socket now (false stops watching its input).
    var isReading: Bool {
        if case .reading = state { return true }
        return false
    }

    var isClosed: Bool {
        if case .closed = state { return true }
        return false
    }

    // MARK: Events

    /// The connection was accepted.
    mutating func start(now: UInt64) -> Output {
        Output(.none, scheduleTimeout: setDeadline(now + timeouts.idle))
    }

    /// Bytes arrived from the peer.
    mutating func received(_ bytes: UnsafeRawBufferPointer, now: UInt64) -> Output {
        guard case .reading = state else { return Output(.none) }
        parser.append(bytes)
        return nextRequest(now: now)
    }

    mutating func received(_ bytes: [UInt8], now: UInt64) -> Output {
        bytes.withUnsafeBytes { received($0, now: now) }
    }

    /// The peer closed its side. A response in progress is still finished by the shell (a half-closed
    /// client may still read); otherwise there is nothing left to do.
    mutating func endOfInput() -> Output {
        switch state {
        case .reading:
            state = .closed
            return Output(.close)
        case .responding(let summary, _, let http10):
            state = .responding(summary, keepAlive: false, http10: http10)
            return Output(.none)
        case .writing:
            state = .writing(keepAlive: false)
            return Output(.none)
        case .closed:
            return Output(.none)
        }
    }

    /// The responder answered the request handed out by `.callResponder`.
    mutating func responseReady(_ response: HTTPResponse, now: UInt64) -> Output {
        guard case let .responding(summary, keepAlive, http10) = state else { return Output(.none) }
        // A streamed body ends only when its producer says so, and the close is what tells an
        // HTTP/1.0 client it ended; so a stream is the connection's last response.
        let keep = keepAlive && !isShuttingDown && response.stream == nil
        guard keep && http10 else { return startWriting(response, summary, keepAlive: keep, now: now) }
        var response = response
        response.headers.set("Connection", "keep-alive")
        return startWriting(response, summary, keepAlive: true, now: now)
    }

    /// The shell deliberately pauses a response (a `delay` or `drip` fault) for `pauseNanoseconds`: the
    /// write deadline starts after the pause, so an injected stall longer than the idle timeout is
    /// delivered rather than cut off as a client that stopped reading.
    mutating func writePaused(for pauseNanoseconds: UInt64, now: UInt64) -> Output {
        guard case .writing = state else { return Output(.none) }
        return Output(.none, scheduleTimeout: setDeadline(now + pauseNanoseconds + timeouts.idle))
    }

    /// The shell finished writing the response of `.respond`.
    mutating func writeCompleted(now: UInt64) -> Output {
        guard case let .writing(keepAlive) = state else { return Output(.none) }
        guard keepAlive, !isShuttingDown else {
            state = .closed
            return Output(.close)
        }
        state = .reading(.idle)
        // The next request may already be buffered (pipelining); if not, the idle clock starts now.
        let scheduled = setDeadline(now + timeouts.idle)
        var output = nextRequest(now: now)
        if output.scheduleTimeout == nil { output.scheduleTimeout = scheduled }
        return output
    }

    /// A chunk of a streamed response was handed to the shell: the client has the idle timeout to
    /// take it, or the connection is given up as it is for a response the client does not read.
    mutating func streamWriteStarted(now: UInt64) -> Output {
        guard case .writing = state else { return Output(.none) }
        return Output(.none, scheduleTimeout: setDeadline(now + timeouts.idle))
    }

    /// A chunk of a streamed response (or its head) is written: a stream may then stay quiet for as
    /// long as its producer likes, so no deadline runs until the next chunk.
    mutating func streamWriteFinished() {
        guard case .writing = state else { return }
        deadline = nil
    }

    /// The timer fired. Deadlines only ever move later without re-arming it, so it may fire early:
    /// then it is re-armed for the real deadline.
    mutating func timerFired(now: UInt64) -> Output {
        armedTimer = nil
        guard let deadline else { return Output(.none) }
        guard now >= deadline else {
            armedTimer = deadline
            return Output(.none, scheduleTimeout: deadline)
        }
        self.deadline = nil
        switch state {
        case .reading(.idle):
            // RFC 9112 §9.6: a server may close an idle connection at any time.
            state = .closed
            return Output(.close)
        case .reading(.head), .reading(.body):
            let response = HTTPResponse.coreError(.requestTimeout, code: "request_timeout",
                                                  message: "The request was not received in time.")
            return startWriting(response, Self.unknownRequest, keepAlive: false, now: now)
        case .writing:
            // The client stopped reading our response: give up on it.
            state = .closed
            return Output(.close)
        case .responding, .closed:
            return Output(.none)
        }
    }

    /// The server is shutting down: idle connections close now; a request being received or answered
    /// is finished, and its response says `Connection: close`.
    mutating func shutdown() -> Output {
        isShuttingDown = true
        switch state {
        case .reading(.idle):
            state = .closed
            return Output(.close)
        case .reading, .responding, .closed:
            return Output(.none)
        case .writing:
            state = .writing(keepAlive: false)
            return Output(.none)
        }
    }

    /// The shell closed the connection on its own (a fault, an I/O error).
    mutating func closed() {
        state = .closed
        deadline = nil
    }

    // MARK: Helpers

    /// What to assume about a request that never completed: GET, so an error body is written, and no
    /// Accept-Encoding, so it is written plainly.
    static let unknownRequest = RequestSummary(method: .get, acceptEncoding: nil)

    /// Asks the parser for the next buffered request and decides what it means.
    private mutating func nextRequest(now: UInt64) -> Output {
        guard case .reading(let phase) = state else { return Output(.none) }
        switch parser.next() {
        case .needMoreData:
            if phase == .idle && parser.hasPartialRequest {
                state = .reading(.head)
                return Output(.none, scheduleTimeout: setDeadline(now + timeouts.headerRead))
            }
            return Output(.none)
        case .expectContinue:
            state = .reading(.body)
            return Output(.writeContinue, scheduleTimeout: setDeadline(now + timeouts.idle))
        case .request(let request):
            let keepAlive = request.keepAlive && !isShuttingDown
            state = .responding(RequestSummary(request), keepAlive: keepAlive, http10: request.version == .http1_0)
            deadline = nil
            return Output(.callResponder(request))
        case .error(let error):
            // The parser is dead; no response has started because the previous one was fully written
            // before the parser was asked again (STYLE habit 8: error answer, Connection: close, close).
            return startWriting(error.response, Self.unknownRequest, keepAlive: false, now: now)
        }
    }

    /// Hands a response to the shell; the idle timeout bounds how long the client may take to read it.
    private mutating func startWriting(_ response: HTTPResponse, _ summary: RequestSummary, keepAlive: Bool,
                                       now: UInt64) -> Output {
        state = .writing(keepAlive: keepAlive)
        return Output(.respond(response, summary, keepAlive: keepAlive), scheduleTimeout: setDeadline(now + timeouts.idle))
    }

    /// Sets the phase deadline; returns a timer deadline when the armed timer would fire too late.
    private mutating func setDeadline(_ newDeadline: UInt64) -> UInt64? {
        deadline = newDeadline
        if let armedTimer, armedTimer <= newDeadline { return nil }
        armedTimer = newDeadline
        return newDeadline
    }
}
