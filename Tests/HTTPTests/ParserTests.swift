import Testing
@testable import HTTP

@Suite struct RequestParserTests {
    static let simpleGet = "GET /a/b?x=1 HTTP/1.1\r\nHost: example\r\nAccept: */*\r\n\r\n"

    // MARK: Shapes of input

    @Test(arguments: [Feed.whole, .byteAtATime, .chunks(3), .chunks(7)])
    func simpleGet_parsesUnderAnyFeeding(feed: Feed) throws {
        let outcome = parse(Self.simpleGet, feed: feed)
        #expect(outcome.error == nil)
        let request = try #require(outcome.requests.first)
        #expect(outcome.requests.count == 1)
        #expect(request.method == .get)
        #expect(request.target == "/a/b?x=1")
        #expect(request.path == "/a/b")
        #expect(request.query == "x=1")
        #expect(request.version == .http1_1)
        #expect(request.headers["host"] == "example")
        #expect(request.headers["ACCEPT"] == "*/*")
        #expect(request.body.isEmpty)
    }

    @Test func pipelinedRequests_areParsedInOrder() {
        let input = "GET /1 HTTP/1.1\r\nHost: h\r\n\r\n"
            + "POST /2 HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
            + "PUT /3 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
            + "DELETE /4 HTTP/1.1\r\nHost: h\r\n\r\n"
        for feed in [Feed.whole, .byteAtATime, .chunks(5)] {
            let outcome = parse(input, feed: feed)
            #expect(outcome.error == nil)
            #expect(outcome.requests.map(\.path) == ["/1", "/2", "/3", "/4"])
            #expect(outcome.requests.map(\.method) == [.get, .post, .put, .delete])
            #expect(outcome.requests.map(\.body.text) == ["", "hello", "abc", ""])
        }
    }

    /// Line ends inside a body must not be taken for the next request's line ends.
    @Test(arguments: [Feed.whole, .byteAtATime, .chunks(6)])
    func pipelinedBodies_containingLineEnds_stayBodies(feed: Feed) {
        let input = "POST /1 HTTP/1.1\r\nHost: h\r\nContent-Length: 8\r\n\r\na\nb\r\n\r\nc"
            + "POST /2 HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n\n\r\n\n\r\n0\r\n\r\n"
            + "GET /3 HTTP/1.1\r\nHost: h\r\n\r\n"
        let outcome = parse(input, feed: feed)
        #expect(outcome.error == nil)
        #expect(outcome.requests.map(\.path) == ["/1", "/2", "/3"])
        #expect(outcome.requests.map(\.body.text) == ["a\nb\r\n\r\nc", "\n\r\n\n", ""])
    }

    @Test func manyPipelinedRequests_inOneAppend_allParse() {
        let one = "GET /x HTTP/1.1\r\nHost: h\r\n\r\n"
        let outcome = parse(String(repeating: one, count: 500))
        #expect(outcome.requests.count == 500)
        #expect(outcome.error == nil)
    }

    @Test func hasPartialRequest_tracksUnfinishedRequests() {
        var parser = RequestParser()
        #expect(!parser.hasPartialRequest)
        parser.append(Array("GET / HTTP/1.1\r\nHo".utf8))
        guard case .needMoreData = parser.next() else { Issue.record("expected needMoreData"); return }
        #expect(parser.hasPartialRequest)
        parser.append(Array("st: h\r\n\r\n".utf8))
        guard case .request = parser.next() else { Issue.record("expected a request"); return }
        #expect(!parser.hasPartialRequest)
        guard case .needMoreData = parser.next() else { Issue.record("expected needMoreData"); return }
    }

    @Test func leadingEmptyLines_areIgnored() {
        let outcome = parse("\r\n\r\n" + Self.simpleGet)
        #expect(outcome.requests.count == 1)
        #expect(outcome.error == nil)
    }

    @Test func http10_withoutHost_isAccepted() throws {
        let outcome = parse("GET / HTTP/1.0\r\n\r\n")
        let request = try #require(outcome.requests.first)
        #expect(request.version == .http1_0)
        #expect(!request.keepAlive)
    }

    @Test func repeatedHeaders_areKeptInOrder() throws {
        let outcome = parse("GET / HTTP/1.1\r\nHost: h\r\nX-A: 1\r\nx-a: 2\r\nX-B:   spaced  \r\n\r\n")
        let request = try #require(outcome.requests.first)
        #expect(request.headers.values(for: "X-A") == ["1", "2"])
        #expect(request.headers["x-b"] == "spaced")
        #expect(request.headers.fields.map(\.name) == ["Host", "X-A", "x-a", "X-B"])
    }

    @Test func absoluteFormTarget_isReducedToItsPath() throws {
        let outcome = parse("GET http://example.com:8080/p/q?z=9 HTTP/1.1\r\nHost: example.com\r\n\r\n")
        let request = try #require(outcome.requests.first)
        #expect(request.path == "/p/q")
        #expect(request.query == "z=9")
        #expect(request.target == "http://example.com:8080/p/q?z=9")
    }

    @Test func percentEncodedPath_isDecoded() throws {
        let outcome = parse("GET /a%20b/%C3%A9?q=%20 HTTP/1.1\r\nHost: h\r\n\r\n")
        let request = try #require(outcome.requests.first)
        #expect(request.path == "/a b/é")
        #expect(request.query == "q=%20")
    }

    @Test func asteriskForm_isAcceptedForOptions() {
        #expect(parse("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n").requests.count == 1)
        #expect(parse("GET * HTTP/1.1\r\nHost: h\r\n\r\n").error?.status == .badRequest)
    }

    // MARK: Bodies

    @Test(arguments: [Feed.whole, .byteAtATime, .chunks(4)])
    func contentLengthBody_isRead(feed: Feed) throws {
        let outcome = parse("POST /p HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world", feed: feed)
        #expect(try #require(outcome.requests.first).body.text == "hello world")
    }

    @Test(arguments: [Feed.whole, .byteAtATime, .chunks(5)])
    func chunkedBody_withExtensionsAndTrailers_isDecoded(feed: Feed) throws {
        let input = "POST /c HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: Chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n"
            + "1 ; ext ; other=\"quoted\"\r\n \r\n"
            + "A\r\n0123456789\r\n"
            + "0;last\r\nX-Checksum: abc\r\nX-Other: 1\r\n\r\n"
            + "GET /next HTTP/1.1\r\nHost: h\r\n\r\n"
        let outcome = parse(input, feed: feed)
        #expect(outcome.error == nil)
        #expect(outcome.requests.count == 2)
        let request = try #require(outcome.requests.first)
        #expect(request.body.text == "hello 0123456789")
        #expect(request.trailers["x-checksum"] == "abc")
        #expect(request.trailers["X-Other"] == "1")
        #expect(request.headers["X-Checksum"] == nil)
    }

    @Test func expectContinue_isEmittedOnceBeforeTheBody() throws {
        var parser = RequestParser()
        parser.append(Array("POST /u HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 4\r\n\r\n".utf8))
        guard case .expectContinue = parser.next() else { Issue.record("expected expectContinue"); return }
        guard case .needMoreData = parser.next() else { Issue.record("expected needMoreData"); return }
        parser.append(Array("ab".utf8))
        guard case .needMoreData = parser.next() else { Issue.record("no second expectContinue"); return }
        parser.append(Array("cd".utf8))
        guard case .request(let request) = parser.next() else { Issue.record("expected request"); return }
        #expect(request.body.text == "abcd")
    }

    @Test func expectContinue_isNotEmittedWhenTheBodyIsAlreadyHere() {
        let outcome = parse("POST /u HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok")
        #expect(outcome.trace == ["request"])
    }

    @Test func expectContinue_forChunkedBody_isEmittedOnce() {
        let input = "POST /u HTTP/1.1\r\nHost: h\r\nExpect: 100-Continue\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n"
        let outcome = parse(input, feed: .byteAtATime)
        #expect(outcome.trace == ["continue", "request"])
    }

    @Test func expectContinue_withoutBody_isNotEmitted() {
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n", feed: .byteAtATime).trace == ["request"])
    }

    @Test(arguments: [Feed.whole, .byteAtATime])
    func gzipRequestBody_isDecodedAndHeaderRemoved(feed: Feed) throws {
        let plain = Array(String(repeating: "compress me ", count: 100).utf8)
        let compressed = try Gzip.compress(plain)
        let head = "POST /z HTTP/1.1\r\nHost: h\r\nContent-Encoding: gzip\r\nContent-Length: \(compressed.count)\r\n\r\n"
        let outcome = parse(Array(head.utf8) + compressed, feed: feed)
        let request = try #require(outcome.requests.first)
        #expect(request.body == plain)
        #expect(request.headers["Content-Encoding"] == nil)
        #expect(request.headers["Content-Length"] == String(plain.count))
    }

    @Test func chunkedGzipRequestBody_isDecoded() throws {
        let plain = Array("{\"hello\":\"world\"}".utf8)
        let compressed = try Gzip.compress(plain)
        let hex = String(compressed.count, radix: 16)
        let head = "POST /z HTTP/1.1\r\nHost: h\r\nContent-Encoding: GZIP\r\nTransfer-Encoding: chunked\r\n\r\n\(hex)\r\n"
        let outcome = parse(Array(head.utf8) + compressed + Array("\r\n0\r\n\r\n".utf8))
        #expect(try #require(outcome.requests.first).body == plain)
    }

    @Test func gzipBomb_overTheBodyLimit_is413() throws {
        let bomb = try Gzip.compress([UInt8](repeating: 0, count: 2 << 20))
        #expect(bomb.count < 10_000)
        let head = "POST /z HTTP/1.1\r\nHost: h\r\nContent-Encoding: gzip\r\nContent-Length: \(bomb.count)\r\n\r\n"
        let outcome = parse(Array(head.utf8) + bomb, limits: ParserLimits(maxBodyBytes: 1 << 20))
        #expect(outcome.error?.status == .payloadTooLarge)
    }

    @Test func corruptGzipBody_is400() {
        let garbage: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 1, 2]
        let head = "POST /z HTTP/1.1\r\nHost: h\r\nContent-Encoding: gzip\r\nContent-Length: \(garbage.count)\r\n\r\n"
        let outcome = parse(Array(head.utf8) + garbage)
        #expect(outcome.error?.status == .badRequest)
        #expect(outcome.error?.code == "invalid_body_encoding")
    }
}
