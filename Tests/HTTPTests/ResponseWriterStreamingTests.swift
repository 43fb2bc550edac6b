import HTTP
import Testing

/// The bytes of a streamed response: its head and chunk framing (RFC 9112 §7.1).
@Suite struct ResponseWriterStreamingTests {
    let writer = ResponseWriter(serverName: "buildermock")
    static let get = RequestSummary(method: .get, acceptEncoding: "gzip")

    static func response(_ headers: HTTPHeaders = [:]) -> HTTPResponse {
        let (chunks, _) = AsyncStream.makeStream(of: [UInt8].self)
        return HTTPResponse(headers: headers, stream: ResponseStream(chunks))
    }

    @Test func head_isChunkedAndClosing_andDropsTheHandlersFraming() {
        var headers = HTTPHeaders()
        headers.set("Content-Type", "text/event-stream")
        headers.set("Content-Length", "12")
        headers.set("Connection", "keep-alive")
        headers.set("Transfer-Encoding", "gzip")
        let head = String(decoding: writer.serializeStreamHead(Self.response(headers), for: Self.get, chunked: true), as: UTF8.self)
        #expect(head.hasPrefix("HTTP/1.1 200 OK\r\n"))
        #expect(head.hasSuffix("\r\n\r\n"))
        let lines = head.split(separator: "\r\n").map(String.init)
        #expect(lines.contains("Content-Type: text/event-stream"))
        #expect(lines.contains("Transfer-Encoding: chunked"))
        #expect(lines.contains("Connection: close"))
        #expect(lines.contains("Server: buildermock"))
        #expect(lines.contains { $0.hasPrefix("Date: ") })
        #expect(!lines.contains { $0.hasPrefix("Content-Length") || $0 == "Connection: keep-alive" || $0 == "Transfer-Encoding: gzip" })
        // Never compressed, even when the client accepts gzip.
        #expect(!lines.contains { $0.hasPrefix("Content-Encoding") })
    }

    @Test func head_forHTTP10_isCloseDelimited() {
        let summary = RequestSummary(method: .get, acceptEncoding: nil, isHTTP10: true)
        let head = String(decoding: writer.serializeStreamHead(Self.response(), for: summary, chunked: false), as: UTF8.self)
        #expect(!head.contains("Transfer-Encoding"))
        #expect(head.contains("Connection: close\r\n"))
    }

    @Test func head_forHEAD_announcesNoChunking() {
        let head = String(decoding: writer.serializeStreamHead(Self.response(), for: RequestSummary(method: .head, acceptEncoding: nil),
                                                                chunked: true), as: UTF8.self)
        #expect(!head.contains("Transfer-Encoding"))
        #expect(!ResponseWriter.streamHasBody(Self.response(), for: RequestSummary(method: .head, acceptEncoding: nil)))
    }

    @Test func chunk_isHexSizeCRLFDataCRLF() {
        #expect(ResponseWriter.chunk(Array("hello".utf8)) == Array("5\r\nhello\r\n".utf8))
        #expect(ResponseWriter.chunk([UInt8](repeating: 0x61, count: 26)) == Array("1a\r\n".utf8) + [UInt8](repeating: 0x61, count: 26) + [13, 10])
        // An empty chunk would be the last-chunk marker, so it produces nothing.
        #expect(ResponseWriter.chunk([]) == [])
        #expect(ResponseWriter.lastChunk == Array("0\r\n\r\n".utf8))
    }

    @Test func summaryOfAnHTTP10Request_knowsItsVersion() {
        let request = HTTPRequest(method: .get, target: "/", version: .http1_0)
        #expect(RequestSummary(request).isHTTP10)
        #expect(!RequestSummary(HTTPRequest(method: .get, target: "/")).isHTTP10)
    }
}
