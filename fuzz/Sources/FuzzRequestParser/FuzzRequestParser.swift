import FuzzSupport
import HTTP

/// libFuzzer entry point for `RequestParser`.
///
/// Input: 4 control bytes (limits, split mode, split seed), then the bytes a client sends. The
/// payload is parsed twice, whole and cut into the reads the control bytes choose, and the two runs
/// must agree: a parser whose answer depends on how TCP happened to split the stream would read a
/// request differently from a proxy in front of it. Every answer must also respect the limits.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzRequestParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size, controlBytes: 4)
    let limits = RequestParserFuzz.limits(input.control[0])
    let seed = UInt16(input.control[2]) << 8 | UInt16(input.control[3])
    let whole = RequestParserFuzz.run([input.payload], limits: limits)
    let pieces = FuzzInput.pieces(of: input.payload, mode: input.control[1], seed: seed)
    let split = RequestParserFuzz.run(pieces, limits: limits)
    if whole != split {
        fuzzFailure("whole and split parses differ\nwhole: \(whole)\nsplit: \(split)")
    }
    return 0
}

/// What one parse produced, in a comparable form (interim `100 Continue` events are left out: they
/// depend on whether the body had arrived yet, which is the point of them).
struct ParseTranscript: Equatable, CustomStringConvertible {
    var requests: [RequestSnapshot] = []
    var error: String?

    var description: String { "\(requests.map(\.description)) error: \(error ?? "none")" }
}

/// The parts of a request the parser decides, compared field by field (cheaper than rendering).
struct RequestSnapshot: Equatable, CustomStringConvertible {
    var method: HTTPMethod
    var target: String
    var path: String
    var query: String?
    var version: HTTPVersion
    var headers: HTTPHeaders
    var body: [UInt8]
    var trailers: HTTPHeaders

    init(_ request: HTTPRequest) {
        method = request.method
        target = request.target
        path = request.path
        query = request.query
        version = request.version
        headers = request.headers
        body = request.body
        trailers = request.trailers
    }

    var description: String {
        let fields = headers.map { "\($0.name): \($0.value)" }.joined(separator: "|")
        let trailing = trailers.map { "\($0.name): \($0.value)" }.joined(separator: "|")
        return "\(method) \(target) path=\(path) query=\(query ?? "nil") \(version) [\(fields)] body=\(body) trailers=[\(trailing)]"
    }
}

enum RequestParserFuzz {
    /// Small limits in most inputs, so that every limit is reachable from short inputs.
    static func limits(_ byte: UInt8) -> ParserLimits {
        let lines = [16, 40, 256, 8192]
        let heads = [24, 100, 1024, 16384]
        let counts = [1, 4, 100, 100]
        let bodies = [0, 10, 1000, 10 << 20]
        return ParserLimits(maxRequestLineBytes: lines[Int(byte & 3)],
                            maxHeaderBytes: heads[Int(byte >> 2 & 3)],
                            maxHeaderCount: counts[Int(byte >> 4 & 3)],
                            maxBodyBytes: bodies[Int(byte >> 6 & 3)])
    }

    static func run(_ pieces: [[UInt8]], limits: ParserLimits) -> ParseTranscript {
        var parser = RequestParser(limits: limits)
        var transcript = ParseTranscript()
        let total = pieces.reduce(0) { $0 + $1.count }
        for piece in pieces {
            parser.append(piece)
            while true {
                let event = parser.next()
                switch event {
                case .needMoreData:
                    break
                case .expectContinue:
                    continue
                case .request(let request):
                    check(request, limits: limits)
                    transcript.requests.append(RequestSnapshot(request))
                    // Each request consumes at least a request line, so more requests than bytes
                    // means the parser is handing out the same bytes again.
                    if transcript.requests.count > total {
                        fuzzFailure("more requests than input bytes")
                    }
                    continue
                case .error(let error):
                    guard case .error(let again) = parser.next(), again == error else {
                        fuzzFailure("a failed parser did not stay failed with \(error)")
                    }
                    if ![400, 413, 414, 431, 501, 505].contains(error.status.code) {
                        fuzzFailure("unexpected error status \(error)")
                    }
                    transcript.error = "\(error.status.code) \(error.code)"
                    return transcript
                }
                break
            }
        }
        return transcript
    }

    static func check(_ request: HTTPRequest, limits: ParserLimits) {
        if request.body.count > limits.maxBodyBytes {
            fuzzFailure("body of \(request.body.count) bytes passed the \(limits.maxBodyBytes) limit")
        }
        if request.headers.count > limits.maxHeaderCount {
            fuzzFailure("\(request.headers.count) fields passed the \(limits.maxHeaderCount) limit")
        }
        if !request.path.hasPrefix("/") && request.target != "*" {
            fuzzFailure("path \(request.path) of target \(request.target) is not absolute")
        }
        // Framing fields decide where the next request starts; a request handed on with both would
        // be a smuggling vector.
        if request.headers.contains("Transfer-Encoding") && request.headers.contains("Content-Length") {
            fuzzFailure("request with both Transfer-Encoding and Content-Length was accepted")
        }
    }
}
