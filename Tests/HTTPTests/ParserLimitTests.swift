import Testing
@testable import HTTP

@Suite struct ParserLimitsTests {
    static let small = ParserLimits(maxRequestLineBytes: 64, maxHeaderBytes: 256, maxHeaderCount: 5, maxBodyBytes: 100)

    @Test func defaults_matchTheInterface() {
        let limits = ParserLimits()
        #expect(limits.maxRequestLineBytes == 8192)
        #expect(limits.maxHeaderBytes == 16384)
        #expect(limits.maxHeaderCount == 100)
        #expect(limits.maxBodyBytes == 10 << 20)
    }

    @Test(arguments: [Feed.whole, .byteAtATime])
    func longTarget_is414(feed: Feed) {
        let target = "/" + String(repeating: "a", count: 100)
        let outcome = parse("GET \(target) HTTP/1.1\r\nHost: h\r\n\r\n", feed: feed, limits: Self.small)
        #expect(outcome.error?.status == .uriTooLong)
    }

    @Test func longTarget_withoutLineEnd_is414AsSoonAsTheLimitPasses() {
        var parser = RequestParser(limits: Self.small)
        parser.append(Array(("GET /" + String(repeating: "a", count: 80)).utf8))
        guard case .error(let error) = parser.next() else { Issue.record("expected an error"); return }
        #expect(error.status == .uriTooLong)
    }

    @Test(arguments: [Feed.whole, .byteAtATime])
    func requestLineExactlyAtTheLimit_isAccepted(feed: Feed) {
        let line = "GET /" + String(repeating: "a", count: 64 - 14) + " HTTP/1.1"
        #expect(line.utf8.count == 64)
        #expect(parse(line + "\r\nHost: h\r\n\r\n", feed: feed, limits: Self.small).requests.count == 1)
        let longer = "GET /" + String(repeating: "a", count: 65 - 14) + " HTTP/1.1"
        #expect(parse(longer + "\r\nHost: h\r\n\r\n", feed: feed, limits: Self.small).error?.status == .uriTooLong)
    }

    @Test(arguments: [Feed.whole, .byteAtATime])
    func headerSectionExactlyAtTheLimit_isAccepted(feed: Feed) {
        // Field lines plus the final CRLF make up the section: "Host: h\r\n" is 9 bytes.
        let filler = "X: " + String(repeating: "v", count: 256 - 9 - 2 - 5) + "\r\n"
        let input = "GET / HTTP/1.1\r\nHost: h\r\n" + filler + "\r\n"
        #expect(parse(input, feed: feed, limits: Self.small).requests.count == 1)
        let over = "GET / HTTP/1.1\r\nHost: h\r\nX: v" + filler.dropFirst(3) + "\r\n"
        #expect(parse(over, feed: feed, limits: Self.small).error?.status == .headerFieldsTooLarge)
    }

    @Test(arguments: [Feed.whole, .byteAtATime])
    func longMethod_is431(feed: Feed) {
        let method = String(repeating: "M", count: 100)
        let outcome = parse("\(method) / HTTP/1.1\r\nHost: h\r\n\r\n", feed: feed, limits: Self.small)
        #expect(outcome.error?.status == .headerFieldsTooLarge)
    }

    @Test(arguments: [Feed.whole, .byteAtATime])
    func headerSectionTooLarge_is431(feed: Feed) {
        let value = String(repeating: "v", count: 300)
        let outcome = parse("GET / HTTP/1.1\r\nHost: h\r\nX-Big: \(value)\r\n\r\n", feed: feed, limits: Self.small)
        #expect(outcome.error?.status == .headerFieldsTooLarge)
        #expect(outcome.error?.code == "header_too_large")
    }

    @Test func headerSectionOfManyLines_is431() {
        let lines = (0..<4).map { "X-\($0): \(String(repeating: "v", count: 70))\r\n" }.joined()
        let outcome = parse("GET / HTTP/1.1\r\nHost: h\r\n\(lines)\r\n", limits: Self.small)
        #expect(outcome.error?.status == .headerFieldsTooLarge)
    }

    @Test func unterminatedHeaderLine_is431OnceOverTheLimit() {
        var parser = RequestParser(limits: Self.small)
        parser.append(Array("GET / HTTP/1.1\r\nHost: h\r\nX: ".utf8))
        parser.append([UInt8](repeating: UInt8(ascii: "v"), count: 300))
        guard case .error(let error) = parser.next() else { Issue.record("expected an error"); return }
        #expect(error.status == .headerFieldsTooLarge)
    }

    @Test func tooManyHeaders_is431() {
        let lines = (0..<5).map { "X-\($0): 1\r\n" }.joined()
        let outcome = parse("GET / HTTP/1.1\r\nHost: h\r\n\(lines)\r\n", limits: Self.small)
        #expect(outcome.error?.status == .headerFieldsTooLarge)
        let fewer = (0..<4).map { "X-\($0): 1\r\n" }.joined()
        #expect(parse("GET / HTTP/1.1\r\nHost: h\r\n\(fewer)\r\n", limits: Self.small).requests.count == 1)
    }

    @Test func contentLengthOverTheLimit_is413BeforeTheBodyArrives() {
        var parser = RequestParser(limits: Self.small)
        parser.append(Array("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 101\r\n\r\n".utf8))
        guard case .error(let error) = parser.next() else { Issue.record("expected an error"); return }
        #expect(error.status == .payloadTooLarge)
        #expect(error.code == "body_too_large")
    }

    @Test func bodyExactlyAtTheLimit_isAccepted() {
        let body = String(repeating: "b", count: 100)
        let outcome = parse("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 100\r\n\r\n\(body)", limits: Self.small)
        #expect(outcome.requests.first?.body.count == 100)
    }

    @Test func chunkedSumOverTheLimit_is413AtTheChunkSizeLine() {
        var parser = RequestParser(limits: Self.small)
        parser.append(Array("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n".utf8))
        parser.append(Array("32\r\n\(String(repeating: "a", count: 50))\r\n".utf8))
        guard case .needMoreData = parser.next() else { Issue.record("first 50 bytes fit"); return }
        parser.append(Array("33\r\n".utf8))
        guard case .error(let error) = parser.next() else { Issue.record("expected 413"); return }
        #expect(error.status == .payloadTooLarge)
    }

    @Test func gzipBodyDecodingPastTheLimit_is413() throws {
        let compressed = try Gzip.compress([UInt8](repeating: UInt8(ascii: "x"), count: 101))
        let head = "POST / HTTP/1.1\r\nHost: h\r\nContent-Encoding: gzip\r\nContent-Length: \(compressed.count)\r\n\r\n"
        #expect(parse(Array(head.utf8) + compressed, limits: Self.small).error?.status == .payloadTooLarge)
    }
}
