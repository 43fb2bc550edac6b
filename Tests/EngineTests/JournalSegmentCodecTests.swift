import HTTP
import Testing
@testable import Engine

@Suite struct JournalSegmentCodecTests {
    static func decodeAll(_ data: [UInt8], namespace: String = "ns") throws -> [JournalEntry] {
        var reader = try JournalSegmentReader(data)
        var entries: [JournalEntry] = []
        while let head = try reader.nextHead() { entries.append(try reader.readRest(head, namespace: namespace)) }
        return entries
    }

    static let everyByte = (0...255).map(UInt8.init) + [0, 0xFF, 0x80, 0x0A]

    static let samples: [JournalEntry] = [
        JournalEntry(seq: 7, namespace: "ns", at: Timestamp(unixMilliseconds: 1_767_225_600_123), method: "POST",
                     path: "/api/v1/builds/bld_ä", query: "a=1&b=%20", requestHeaders: [
                        "X-Trace": "1", "Content-Type": "application/octet-stream", "X-Trace": "2", "X-Note": "naïve 日本 ✓"],
                     requestBody: everyByte, status: 201, responseHeaders: ["Set-Cookie": "a=1", "Set-Cookie": "b=2"],
                     responseBody: Array(#"{"id":"bld_1"}"#.utf8), durationMicroseconds: 1234, fault: "latency"),
        // Empty bodies, no query, no fault, no headers, and a time before 1970.
        JournalEntry(seq: 9, namespace: "ns", at: Timestamp(unixMilliseconds: -86_400_000), method: "GET", path: "/",
                     query: nil, requestHeaders: [:], requestBody: [], status: 204, responseHeaders: [:],
                     responseBody: [], durationMicroseconds: 0, fault: nil),
        // Bodies the journal already cut, keeping their real sizes; an empty query is not a missing one.
        JournalEntry(seq: 1_000_000_000_000, namespace: "ns", at: Timestamp(unixMilliseconds: 0), method: "PUT",
                     path: "/x", query: "", requestHeaders: ["A": ""], requestBody: [1, 2, 3], requestBodySize: 70_000,
                     status: 599, responseHeaders: ["B": "v"], responseBody: [], responseBodySize: 12,
                     durationMicroseconds: Int64.max, fault: "truncate"),
    ]

    /// `record` encodes each entry before its seq is known and the writer numbers them later: the
    /// segment it assembles must be byte for byte the one `encode` writes for the numbered entries.
    @Test func entriesEncodedUnnumbered_thenNumbered_makeTheSameSegment() throws {
        var bytes: [UInt8] = [0xEE]  // an offset, as a shared buffer has after other namespaces' entries
        var ranges: [Range<Int>] = []
        for entry in Self.samples {
            let start = bytes.count
            JournalSegmentCodec.encodeUnnumbered(entry, bodyCap: 2, to: &bytes)
            ranges.append(start..<bytes.count)
        }
        let assembled = JournalSegmentCodec.segment(seqs: Self.samples.map(\.seq), bytes: bytes, ranges: ranges)
        #expect(assembled == JournalSegmentCodec.encode(Self.samples, bodyCap: 2))
        #expect(try Self.decodeAll(assembled).map(\.seq) == Self.samples.map(\.seq))
    }

    @Test func roundTrip_keepsEveryField() throws {
        let decoded = try Self.decodeAll(JournalSegmentCodec.encode(Self.samples, bodyCap: 1 << 20))
        #expect(decoded.count == Self.samples.count)
        for (got, sent) in zip(decoded, Self.samples) {
            #expect(got.seq == sent.seq)
            #expect(got.namespace == "ns")
            #expect(got.at == sent.at)
            #expect(got.method == sent.method)
            #expect(got.path == sent.path)
            #expect(got.query == sent.query)
            #expect(got.status == sent.status)
            #expect(got.requestHeaders == sent.requestHeaders)
            #expect(got.requestBody == sent.requestBody)
            #expect(got.requestBodySize == sent.requestBodySize)
            #expect(got.responseHeaders == sent.responseHeaders)
            #expect(got.responseBody == sent.responseBody)
            #expect(got.responseBodySize == sent.responseBodySize)
            #expect(got.durationMicroseconds == sent.durationMicroseconds)
            #expect(got.fault == sent.fault)
        }
        #expect(decoded[0].requestHeaders.values(for: "X-Trace") == ["1", "2"])
        #expect(decoded[2].requestBodyTruncated && decoded[2].responseBodyTruncated)
        #expect(!decoded[0].requestBodyTruncated)
    }

    @Test func bodiesOverTheCap_areCut_keepingTheirRealSize() throws {
        let decoded = try Self.decodeAll(JournalSegmentCodec.encode(Self.samples.prefix(1), bodyCap: 10))
        let entry = try #require(decoded.first)
        #expect(entry.requestBody == Array(Self.everyByte.prefix(10)))
        #expect(entry.requestBodySize == Self.everyByte.count)
        #expect(entry.responseBody == Array(#"{"id":"bld"#.utf8))
        #expect(entry.responseBodySize == 14)
    }

    @Test func credentialsInRequestHeaders_areRedactedAsTheyAreEncoded() throws {
        var entry = Self.samples[1]
        entry.requestHeaders = ["authorization": "Bearer secret-token-123456", "X-Other": "Bearer secret-token-123456",
                                "Proxy-Authorization": "Basic c2VjcmV0OnNlY3JldA==", "Authorization": "Bearer abcd…"]
        entry.responseHeaders = ["X-Echo": "Bearer secret-token-123456"]
        let decoded = try #require(try Self.decodeAll(JournalSegmentCodec.encode([entry], bodyCap: 100)).first)
        #expect(decoded.requestHeaders.map { $0.value } == ["Bearer secr…", "Bearer secret-token-123456",
                                                               "Basic c2Vj…", "Bearer abcd…"])
        #expect(decoded.requestHeaders == Redaction.redacting(entry.requestHeaders))
        #expect(decoded.responseHeaders == entry.responseHeaders)
        let bytes = JournalSegmentCodec.encode([entry], bodyCap: 100)
        #expect(bytes.firstRange(of: Array("secret-token-123456".utf8)) != nil)  // X-Other and X-Echo only
        #expect(bytes.firstRange(of: Array("c2VjcmV0OnNlY3JldA==".utf8)) == nil)
    }

    @Test func headsCanBeSkipped_withoutReadingTheRest() throws {
        var reader = try JournalSegmentReader(JournalSegmentCodec.encode(Self.samples, bodyCap: 1 << 20))
        var paths: [String] = []
        while let head = try reader.nextHead() { paths.append(head.path) }
        #expect(paths == Self.samples.map(\.path))
    }

    @Test func varints_andZigzag_roundTripAtTheirEdges() throws {
        for value: Int64 in [0, 1, -1, 63, -64, 64, Int64.max, Int64.min, 1_767_225_600_000] {
            #expect(JournalSegmentCodec.unzigzag(JournalSegmentCodec.zigzag(value)) == value)
        }
        var entry = Self.samples[1]
        for seq: Int64 in [1, 127, 128, 16_383, 16_384, Int64.max] {
            entry.seq = seq
            #expect(try Self.decodeAll(JournalSegmentCodec.encode([entry], bodyCap: 1)).first?.seq == seq)
        }
    }
}

@Suite struct JournalSegmentReaderTests {
    let valid = JournalSegmentCodec.encode(JournalSegmentCodecTests.samples, bodyCap: 1 << 20)

    @Test func everyCutOfAValidSegment_throwsRatherThanTrapping() {
        for length in 0..<valid.count {
            #expect(throws: JournalSegmentError.self) { try JournalSegmentCodecTests.decodeAll(Array(valid.prefix(length))) }
        }
    }

    @Test func trailingBytes_andUnknownFormats_areErrors() {
        #expect(throws: JournalSegmentError.self) { try JournalSegmentCodecTests.decodeAll(valid + [0]) }
        var other = valid
        other[0] = 2
        #expect(throws: JournalSegmentError.unknownFormat(2)) { try JournalSegmentReader(other) }
        #expect(throws: JournalSegmentError.unknownFormat(nil)) { try JournalSegmentReader([]) }
        // A count no segment of this size could hold.
        #expect(throws: JournalSegmentError.self) { try JournalSegmentReader([1, 0xFF, 0xFF, 0xFF, 0x0F]) }
        // A varint longer than 64 bits.
        #expect(throws: JournalSegmentError.self) {
            try JournalSegmentCodecTests.decodeAll([1, 1] + Array(repeating: 0xFF, count: 10) + [0x7F])
        }
    }

    /// Damage anywhere either throws or decodes to something; it never traps. Deterministic: every
    /// byte position, each with a few replacement values.
    @Test func damagedBytes_neverTrap() {
        for position in 0..<valid.count {
            for replacement: UInt8 in [0x00, 0x7F, 0x80, 0xFF] where valid[position] != replacement {
                var damaged = valid
                damaged[position] = replacement
                _ = try? JournalSegmentCodecTests.decodeAll(damaged)
            }
        }
    }
}
