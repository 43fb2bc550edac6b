import Testing
@testable import HTTP

/// Malformed and hostile input: each case must end in the right status, under any feeding, and
/// never crash or produce a request.
@Suite struct RequestParserErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let input: String
        let status: Int
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "bare LF everywhere", input: "GET / HTTP/1.1\nHost: h\n\n", status: 400),
        Case(name: "bare LF after a header", input: "GET / HTTP/1.1\r\nHost: h\n\r\n", status: 400),
        Case(name: "bare LF ending the head", input: "GET / HTTP/1.1\r\nHost: h\r\n\n", status: 400),
        Case(name: "missing Host on 1.1", input: "GET / HTTP/1.1\r\nAccept: */*\r\n\r\n", status: 400),
        Case(name: "two Host headers", input: "GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", status: 400),
        Case(name: "negative Content-Length",
             input: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: -5\r\n\r\n", status: 400),
        Case(name: "plus-signed Content-Length",
             input: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: +5\r\n\r\nhello", status: 400),
        Case(name: "non-digit Content-Length",
             input: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5x\r\n\r\nhello", status: 400),
        Case(name: "empty Content-Length", input: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \r\n\r\n", status: 400),
        Case(name: "hex Content-Length", input: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 0x5\r\n\r\n", status: 400),
        Case(name: "duplicate different Content-Length",
             input: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!", status: 400),
        Case(name: "Content-Length list with different values",
             input: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5, 6\r\n\r\nhello!", status: 400),
        Case(name: "Content-Length with a trailing comma",
             input: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5,\r\n\r\nhello", status: 400),
        Case(name: "Content-Length and Transfer-Encoding",
             input: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
             status: 400),
        Case(name: "Transfer-Encoding before Content-Length",
             input: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n0\r\n\r\n",
             status: 400),
        Case(name: "Transfer-Encoding gzip",
             input: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip\r\n\r\n", status: 501),
        Case(name: "Transfer-Encoding gzip, chunked",
             input: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", status: 501),
        Case(name: "Transfer-Encoding chunked twice",
             input: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n\r\n",
             status: 501),
        Case(name: "Transfer-Encoding in HTTP/1.0",
             input: "POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", status: 400),
        Case(name: "header without colon", input: "GET / HTTP/1.1\r\nHost: h\r\nNoColon\r\n\r\n", status: 400),
        Case(name: "space before colon", input: "GET / HTTP/1.1\r\nHost : h\r\n\r\n", status: 400),
        Case(name: "tab before colon", input: "GET / HTTP/1.1\r\nHost\t: h\r\n\r\n", status: 400),
        Case(name: "empty header name", input: "GET / HTTP/1.1\r\nHost: h\r\n: x\r\n\r\n", status: 400),
        Case(name: "obs-fold with space", input: "GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n  continued\r\n\r\n", status: 400),
        Case(name: "obs-fold with tab", input: "GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\n\tcontinued\r\n\r\n", status: 400),
        Case(name: "whitespace before the first header", input: "GET / HTTP/1.1\r\n Host: h\r\n\r\n", status: 400),
        Case(name: "NUL in a header value", input: "GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u{0}b\r\n\r\n", status: 400),
        Case(name: "CR in a header value", input: "GET / HTTP/1.1\r\nHost: h\r\nX-A: a\rb\r\n\r\n", status: 400),
        Case(name: "DEL in a header value", input: "GET / HTTP/1.1\r\nHost: h\r\nX-A: a\u{7F}b\r\n\r\n", status: 400),
        Case(name: "non-ASCII in the target", input: "GET /é HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "non-ASCII in the method", input: "GÉT / HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "control byte in the request line", input: "GET /\u{1} HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "DEL in the request line", input: "GET /\u{7F} HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "tab as separator", input: "GET\t/ HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "two spaces", input: "GET  / HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "trailing space", input: "GET / HTTP/1.1 \r\nHost: h\r\n\r\n", status: 400),
        Case(name: "missing version", input: "GET /\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "method not a token", input: "G@T / HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "lowercase protocol name", input: "GET / http/1.1\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "malformed version", input: "GET / HTTP/1.10\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "HTTP/2.0", input: "GET / HTTP/2.0\r\nHost: h\r\n\r\n", status: 505),
        Case(name: "HTTP/1.2", input: "GET / HTTP/1.2\r\nHost: h\r\n\r\n", status: 505),
        Case(name: "HTTP/0.9", input: "GET / HTTP/0.9\r\n\r\n", status: 505),
        Case(name: "authority-form", input: "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com\r\n\r\n", status: 400),
        Case(name: "relative target", input: "GET index.html HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "malformed percent escape", input: "GET /a%zz HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "truncated percent escape", input: "GET /a%4 HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "percent escape that is not UTF-8", input: "GET /%FF HTTP/1.1\r\nHost: h\r\n\r\n", status: 400),
        Case(name: "chunk size not hex",
             input: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", status: 400),
        Case(name: "chunk data without CRLF",
             input: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcX\r\n0\r\n\r\n", status: 400),
        Case(name: "chunk size with garbage after it",
             input: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3 x\r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "negative chunk size",
             input: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n-3\r\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "bare LF in chunked framing",
             input: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\nabc\r\n0\r\n\r\n", status: 400),
        Case(name: "malformed trailer",
             input: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nBad Trailer\r\n\r\n", status: 400),
        Case(name: "Content-Length beyond Int",
             input: "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 99999999999999999999999\r\n\r\n", status: 413),
        Case(name: "chunk size beyond Int",
             input: "POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffffff\r\n", status: 413),
    ]

    @Test(arguments: cases)
    func badInput_isRefusedWithTheRightStatus(_ testCase: Case) {
        for feed in [Feed.whole, .byteAtATime] {
            let outcome = parse(testCase.input, feed: feed)
            #expect(outcome.error?.status.code == testCase.status, "\(testCase.name), \(feed)")
            #expect(outcome.requests.isEmpty, "\(testCase.name), \(feed)")
        }
    }

    @Test func error_isSticky() {
        var parser = RequestParser()
        parser.append(Array("GET / HTTP/1.1\nHost: h\r\n\r\n".utf8))
        guard case .error(let first) = parser.next() else { Issue.record("expected an error"); return }
        parser.append(Array("GET / HTTP/1.1\r\nHost: h\r\n\r\n".utf8))
        guard case .error(let second) = parser.next() else { Issue.record("expected the error again"); return }
        #expect(first == second)
        #expect(!parser.hasPartialRequest)
    }

    @Test func error_rendersAsCoreJSON() {
        let error = ParseError(status: .headerFieldsTooLarge, code: "header_too_large", message: "too \"big\"")
        #expect(error.response.status == .headerFieldsTooLarge)
        #expect(error.response.headers["Content-Type"] == "application/json")
        #expect(error.response.body.text == #"{"error":{"code":"header_too_large","message":"too \"big\""}}"#)
    }

    @Test(arguments: ["5, 5", "5,5", "5 , 5"])
    func identicalContentLengthList_isAccepted(value: String) throws {
        let outcome = parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: \(value)\r\n\r\nhello")
        #expect(try #require(outcome.requests.first).body.text == "hello")
    }

    @Test func identicalDuplicateContentLength_isAccepted() throws {
        let outcome = parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\ncontent-length: 5\r\n\r\nhello")
        #expect(try #require(outcome.requests.first).body.text == "hello")
    }

    @Test func transferEncodingChunked_isCaseInsensitive() {
        let outcome = parse("POST / HTTP/1.1\r\nHost: h\r\ntransfer-encoding: CHUNKED\r\n\r\n0\r\n\r\n")
        #expect(outcome.requests.count == 1)
    }

    /// Random garbage must never crash the parser; it may only yield requests or one error.
    @Test func randomBytes_neverCrash() {
        var generator = SplitMix(seed: 42)
        for _ in 0..<300 {
            let count = Int(generator.next() % 300)
            var bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            if generator.next() % 2 == 0 { bytes = Array("POST / HTTP/1.1\r\nHost: h\r\n".utf8) + bytes }
            let outcome = parse(bytes, feed: .chunks(1 + Int(generator.next() % 16)))
            if let error = outcome.error { #expect((400...505).contains(error.status.code)) }
        }
    }
}

/// The header field-name alphabet over all 256 byte values.
@Suite struct HeaderNameAlphabetTests {
    // RFC 9110 §5.6.2, written out independently of the parser's bit masks:
    //   tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
    //           "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    static func isTcharByGrammar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
             UInt8(ascii: "A")...UInt8(ascii: "Z"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }

    @Test func tcharTable_matchesTheGrammar_forEveryByte() {
        for byte in UInt8.min...UInt8.max {
            #expect(FieldSyntax.isTchar(byte) == Self.isTcharByGrammar(byte), "byte \(byte)")
        }
        #expect((UInt8.min...UInt8.max).filter(Self.isTcharByGrammar).count == 77)
    }

    @Test(arguments: UInt8.min...UInt8.max)
    func headerName_withThisByte_isAcceptedOnlyIfTchar(byte: UInt8) {
        let input = Array("GET / HTTP/1.1\r\nHost: h\r\nX".utf8) + [byte] + Array("Y: v\r\n\r\n".utf8)
        let outcome = parse(input)
        if byte == UInt8(ascii: ":") {
            // The colon ends the name: "X" with value "Y: v".
            #expect(outcome.requests.first?.headers["X"] == "Y: v")
        } else if Self.isTcharByGrammar(byte) {
            #expect(outcome.requests.first?.headers.fields.last?.name.utf8.count == 3)
            #expect(outcome.error == nil)
        } else {
            #expect(outcome.error?.status == .badRequest)
            #expect(outcome.requests.isEmpty)
        }
    }

    @Test(arguments: UInt8.min...UInt8.max)
    func methodWithThisByte_isAcceptedOnlyIfTchar(byte: UInt8) {
        let input = Array("G".utf8) + [byte] + Array("T / HTTP/1.1\r\nHost: h\r\n\r\n".utf8)
        let outcome = parse(input)
        if Self.isTcharByGrammar(byte) {
            #expect(outcome.requests.count == 1)
        } else {
            #expect(outcome.error?.status == .badRequest)
        }
    }
}

/// A tiny deterministic generator so the garbage test is reproducible.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
