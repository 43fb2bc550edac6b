import Testing
@testable import HTTP

@Suite struct ResponseWriterTests {
    static let fixedDate = DateHeaderCache(now: { 784_111_777 })
    static let writer = ResponseWriter(serverName: "buildermock/test", gzipMinimumBytes: 64, dateCache: fixedDate)
    static let get = RequestSummary(method: .get, acceptEncoding: nil)
    static let json = String(repeating: #"{"id":"build_123","status":"running"},"#, count: 20)

    /// Splits the output into status line, header lines and body.
    static func split(_ serialized: SerializedResponse) -> (status: String, headers: [String], body: [UInt8]) {
        let head = Array(serialized.bytes[..<serialized.headCount]).text
        #expect(head.hasSuffix("\r\n\r\n"))
        // "\r\n" is a single Character, so this splits on exactly the line ends.
        var lines = head.split(separator: "\r\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeLast(2)
        let status = lines.removeFirst()
        return (status, lines, Array(serialized.bytes[serialized.headCount...]))
    }

    @Test func plainResponse_isExactlyAsSpecified() {
        let response = HTTPResponse(status: .created, headers: ["x-Custom-Name": "v1", "Content-Type": "text/plain"],
                                    body: Array("hi".utf8))
        let serialized = Self.writer.serialize(response, for: Self.get, keepAlive: true)
        #expect(serialized.bytes.text == "HTTP/1.1 201 Created\r\n"
            + "x-Custom-Name: v1\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n"
            + "Date: Sun, 06 Nov 1994 08:49:37 GMT\r\nServer: buildermock/test\r\n\r\nhi")
        #expect(serialized.bodyCount == 2)
    }

    @Test func closingConnection_saysConnectionClose() {
        let response = HTTPResponse(headers: ["Connection": "keep-alive"], body: [])
        let (_, headers, _) = Self.split(Self.writer.serialize(response, for: Self.get, keepAlive: false))
        #expect(headers.filter { $0.lowercased().hasPrefix("connection:") } == ["Connection: close"])
        #expect(headers.contains("Content-Length: 0"))
    }

    @Test func handlerDateAndServer_areKept() {
        let response = HTTPResponse(headers: ["date": "Mon, 01 Jan 2024 00:00:00 GMT", "Server": "other"])
        let (_, headers, _) = Self.split(Self.writer.serialize(response, for: Self.get, keepAlive: true))
        #expect(headers.filter { $0.lowercased().hasPrefix("date:") } == ["date: Mon, 01 Jan 2024 00:00:00 GMT"])
        #expect(headers.filter { $0.lowercased().hasPrefix("server:") } == ["Server: other"])
    }

    @Test func handlerFraming_isReplacedByTheWriters() {
        let response = HTTPResponse(headers: ["Content-Length": "999", "Transfer-Encoding": "chunked"],
                                    body: Array("abc".utf8))
        let (_, headers, body) = Self.split(Self.writer.serialize(response, for: Self.get, keepAlive: true))
        #expect(headers.filter { $0.hasPrefix("Content-Length") } == ["Content-Length: 3"])
        #expect(!headers.contains { $0.hasPrefix("Transfer-Encoding") })
        #expect(body.text == "abc")
    }

    @Test func headerInjection_isNeutralised() {
        let response = HTTPResponse(headers: ["X-Evil": "a\r\nSet-Cookie: x=1"])
        let (_, headers, _) = Self.split(Self.writer.serialize(response, for: Self.get, keepAlive: true))
        #expect(headers.contains("X-Evil: a  Set-Cookie: x=1"))
        #expect(!headers.contains { $0.hasPrefix("Set-Cookie") })
    }

    @Test func head_omitsTheBody_butKeepsItsLength() {
        let response = HTTPResponse.json(.ok, Self.json)
        let head = RequestSummary(method: .head, acceptEncoding: "gzip")
        let serialized = Self.writer.serialize(response, for: head, keepAlive: true)
        let (_, headers, body) = Self.split(serialized)
        #expect(body.isEmpty)
        #expect(serialized.bodyCount == 0)
        #expect(headers.contains("Content-Length: \(Self.json.utf8.count)"))
        #expect(!headers.contains { $0.hasPrefix("Content-Encoding") })
        #expect(headers.contains("Vary: Accept-Encoding"))
    }

    @Test(arguments: [204, 304])
    func bodilessStatuses_sendNoBody(code: Int) {
        let response = HTTPResponse(status: HTTPStatus(code), body: Array("ignored".utf8))
        let (status, headers, body) = Self.split(Self.writer.serialize(response, for: Self.get, keepAlive: true))
        #expect(status == "HTTP/1.1 \(code) \(HTTPStatus.reasonPhrase(for: code))")
        #expect(body.isEmpty)
        #expect(!headers.contains { $0.hasPrefix("Content-Length") })
    }

    @Test func gzipResponse_roundTripsThroughDecompress() throws {
        let response = HTTPResponse.json(.ok, Self.json)
        let request = RequestSummary(method: .get, acceptEncoding: "br;q=1.0, gzip;q=0.8, *;q=0.1")
        let serialized = Self.writer.serialize(response, for: request, keepAlive: true)
        let (_, headers, body) = Self.split(serialized)
        #expect(headers.contains("Content-Encoding: gzip"))
        #expect(headers.contains("Vary: Accept-Encoding"))
        #expect(headers.contains("Content-Length: \(body.count)"))
        #expect(body.count < Self.json.utf8.count)
        #expect(try Gzip.decompress(body, limit: 1 << 20).text == Self.json)
    }

    @Test(arguments: [
        ("gzip", true), ("GZIP", true), ("x-gzip", true), ("deflate, gzip", true), ("gzip;q=1", true),
        ("gzip;q=0.001", true), ("gzip; Q=0.5", true), ("*", true), ("*;q=0.3", true),
        ("gzip;q=0", false), ("gzip;q=0.000", false), ("gzip; q=0.0", false), ("identity", false),
        ("", false), ("deflate, br", false), ("gzip;q=0, *", false), ("*;q=0", false),
        ("gzip;q=2", false), ("gzip;q=abc", false), ("gzip;q=1.5", false), ("gzipx", false),
    ])
    func acceptEncoding_qValuesDecide(header: String, accepted: Bool) {
        #expect(ResponseWriter.acceptsGzip(header) == accepted, "\(header)")
        let serialized = Self.writer.serialize(.json(.ok, Self.json),
                                               for: RequestSummary(method: .get, acceptEncoding: header),
                                               keepAlive: true)
        #expect(Self.split(serialized).headers.contains("Content-Encoding: gzip") == accepted)
    }

    @Test func smallBody_isNotCompressed() {
        let response = HTTPResponse.json(.ok, #"{"ok":true}"#)
        let (_, headers, _) = Self.split(Self.writer.serialize(response, for: .init(method: .get, acceptEncoding: "gzip"),
                                                               keepAlive: true))
        #expect(!headers.contains { $0.hasPrefix("Content-Encoding") || $0.hasPrefix("Vary") })
    }

    @Test(arguments: [
        ("text/html; charset=utf-8", true), ("application/json", true), ("Application/JSON", true),
        ("application/problem+json", true), ("application/javascript", true), ("text/javascript", true),
        ("application/xml", true), ("image/svg+xml", true), ("image/png", false),
        ("application/octet-stream", false), ("application/zip", false),
    ])
    func compressibleTypes(contentType: String, compressible: Bool) {
        #expect(ResponseWriter.isCompressible(contentType: contentType) == compressible)
        let response = HTTPResponse(headers: ["Content-Type": contentType], body: Array(Self.json.utf8))
        let serialized = Self.writer.serialize(response, for: .init(method: .get, acceptEncoding: "gzip"), keepAlive: true)
        #expect(Self.split(serialized).headers.contains("Content-Encoding: gzip") == compressible)
    }

    @Test func alreadyEncodedBody_isLeftAlone() {
        let response = HTTPResponse(headers: ["Content-Type": "text/plain", "Content-Encoding": "br"],
                                    body: Array(Self.json.utf8))
        let serialized = Self.writer.serialize(response, for: .init(method: .get, acceptEncoding: "gzip"), keepAlive: true)
        let (_, headers, body) = Self.split(serialized)
        #expect(headers.contains("Content-Encoding: br"))
        #expect(body.text == Self.json)
    }

    @Test func existingVary_isNotDuplicated() {
        let response = HTTPResponse(headers: ["Content-Type": "text/plain", "Vary": "Origin, accept-encoding"],
                                    body: Array(Self.json.utf8))
        let serialized = Self.writer.serialize(response, for: .init(method: .get, acceptEncoding: "gzip"), keepAlive: true)
        #expect(Self.split(serialized).headers.filter { $0.hasPrefix("Vary") } == ["Vary: Origin, accept-encoding"])
    }

    @Test func requestSummary_readsAcceptEncoding() {
        let request = HTTPRequest(method: .post, target: "/", headers: ["accept-encoding": "gzip"])
        let summary = RequestSummary(request)
        #expect(summary.method == .post)
        #expect(summary.acceptEncoding == "gzip")
    }

    @Test(arguments: [0, 7, 10, 99, 1000, 123_456_789])
    func decimal_isWrittenLikeString(value: Int) {
        var out: [UInt8] = []
        ResponseWriter.appendDecimal(value, to: &out)
        #expect(out.text == String(value))
    }
}

@Suite struct DateHeaderCacheTests {
    @Test(arguments: [
        (784_111_777, "Sun, 06 Nov 1994 08:49:37 GMT"),
        (0, "Thu, 01 Jan 1970 00:00:00 GMT"),
        (951_782_400, "Tue, 29 Feb 2000 00:00:00 GMT"),
        (1_735_689_599, "Tue, 31 Dec 2024 23:59:59 GMT"),
    ])
    func format_isIMFFixdate(seconds: Int, expected: String) {
        #expect(DateHeaderCache.format(epochSeconds: seconds) == expected)
    }

    @Test func current_followsTheInjectedClock() {
        let clock = TestSeconds(784_111_777)
        let cache = DateHeaderCache(now: { clock.value })
        #expect(cache.current() == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(cache.current() == "Sun, 06 Nov 1994 08:49:37 GMT")
        clock.value += 1
        #expect(cache.current() == "Sun, 06 Nov 1994 08:49:38 GMT")
    }

    @Test func shared_looksLikeAnIMFFixdate() {
        let value = DateHeaderCache.shared.current()
        #expect(value.utf8.count == 29)
        #expect(value.hasSuffix(" GMT"))
        #expect(value.dropFirst(3).hasPrefix(", "))
    }
}

/// A settable seconds source; only touched from one test at a time.
final class TestSeconds: @unchecked Sendable {
    var value: Int
    init(_ value: Int) { self.value = value }
}
