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
        let batch = Self.samples.map { JournalSegmentCodec.appendLiteral($0, bodyCap: 2, to: &bytes) }
        let assembled = JournalSegmentCodec.segment(Self.samples.enumerated().map { (seq: $0.element.seq, index: $0.offset) },
                                                    of: batch, bytes: bytes)
        #expect(assembled == JournalSegmentCodec.encode(Self.samples, bodyCap: 2))
        #expect(try Self.decodeAll(assembled).map(\.seq) == Self.samples.map(\.seq))
    }

    /// Three polls of one job: the second and third repeat the first's parts (the third its request
    /// headers through the second's), as `record` marks them.
    static func polls() -> (bytes: [UInt8], batch: [JournalSegmentCodec.Recorded], entries: [JournalEntry]) {
        var entries: [JournalEntry] = []
        for index in 0..<3 {
            entries.append(JournalEntry(seq: Int64(10 + index), namespace: "ns", at: Timestamp(unixMilliseconds: 1000 + Int64(index)),
                                        method: "GET", path: "/api/v1/builds/bld_1", query: index == 1 ? "x=1" : nil,
                                        requestHeaders: ["Authorization": "Bearer secret-token-1", "Host": "h"], requestBody: [],
                                        status: 200, responseHeaders: ["Date": index == 2 ? "later" : "now"],
                                        responseBody: Array(#"{"status":"queued"}"#.utf8), durationMicroseconds: Int64(index),
                                        fault: nil))
        }
        var bytes: [UInt8] = []
        var batch = [JournalSegmentCodec.appendLiteral(entries[0], bodyCap: 100, to: &bytes)]
        for index in 1...2 {
            var recorded = JournalSegmentCodec.Recorded(head: JournalSegmentCodec.appendHead(entries[index], to: &bytes),
                                                        prefix: JournalSegmentCodec.appendPrefix(entries[index], to: &bytes),
                                                        parts: .init())
            recorded.parts.requestHeaders = .sameAs(0)
            recorded.parts.requestBody = .sameAs(0)
            recorded.parts.responseHeaders = index == 2
                ? .literal(JournalSegmentCodec.appendPart(.responseHeaders, of: entries[index], bodyCap: 100, to: &bytes))
                : .sameAs(0)
            recorded.parts.responseBody = .sameAs(0)
            batch.append(recorded)
        }
        return (bytes, batch, entries)
    }

    @Test func repeatedParts_areWrittenOnce_andReadBackWhole() throws {
        let (bytes, batch, entries) = Self.polls()
        let segment = JournalSegmentCodec.segment(entries.enumerated().map { (seq: $0.element.seq, index: $0.offset) },
                                                  of: batch, bytes: bytes)
        let decoded = try Self.decodeAll(segment)
        let literal = try Self.decodeAll(JournalSegmentCodec.encode(entries, bodyCap: 100))
        #expect(decoded.map(\.seq) == [10, 11, 12])
        for (got, want) in zip(decoded, literal) {
            #expect(got.requestHeaders == want.requestHeaders)
            #expect(got.responseHeaders == want.responseHeaders)
            #expect(got.responseBody == want.responseBody)
            #expect(got.query == want.query && got.at == want.at && got.durationMicroseconds == want.durationMicroseconds)
        }
        #expect(decoded[2].responseHeaders["Date"] == "later")
        #expect(decoded[1].requestHeaders["Authorization"] == "Bearer secr…")
        #expect(segment.count < JournalSegmentCodec.encode(entries, bodyCap: 100).count - 60)
    }

    /// A listing reads only the entries its filters pass: a repeated part is found without the
    /// entries between it and its source having been read.
    @Test func aRepeatedPart_readsAfterSkippingTheEntryThatHoldsIt() throws {
        let (bytes, batch, entries) = Self.polls()
        var reader = try JournalSegmentReader(JournalSegmentCodec.segment(
            entries.enumerated().map { (seq: $0.element.seq, index: $0.offset) }, of: batch, bytes: bytes))
        _ = try reader.nextHead()
        _ = try reader.nextHead()
        let head = try #require(try reader.nextHead())
        let third = try reader.readRest(head, namespace: "ns")
        #expect(third.responseBody == entries[2].responseBody)
        #expect(third.requestHeaders.count == 2)
        #expect(try reader.nextHead() == nil)
    }

    /// A batch too large for one segment is split; an entry whose source went to the earlier segment
    /// gets the part copied, so every segment reads on its own.
    @Test func aPartWhoseSourceIsInAnEarlierSegment_isCopied() throws {
        let (bytes, batch, entries) = Self.polls()
        let second = JournalSegmentCodec.segment([(seq: 11, index: 1), (seq: 12, index: 2)], of: batch, bytes: bytes)
        let decoded = try Self.decodeAll(second)
        #expect(decoded.map(\.responseBody) == [entries[1].responseBody, entries[2].responseBody])
        #expect(decoded.map { $0.requestHeaders["Host"] } == ["h", "h"])
    }

    /// Format 1, as versions before back-references wrote it (no part tags), still reads.
    @Test func format1Segments_stillRead() throws {
        func string(_ text: String) -> [UInt8] { [UInt8(text.utf8.count)] + Array(text.utf8) }
        var rest: [UInt8] = [4, 0, 0]                      // duration 2 (zigzag), no query, no fault
        rest += [1] + string("A") + string("b")            // request headers
        rest += [0, 0]                                     // request body: size 0, none kept
        rest += [0]                                        // no response headers
        rest += [9, 3] + Array("abc".utf8)                 // response body: size 9, 3 kept
        var segment: [UInt8] = [1, 1, 5, 2, 200, 1]        // format, count, seq 5, at 1 (zigzag), status 200
        segment += string("GET") + string("/x")
        segment += [UInt8(rest.count), 0, 0, 0] + rest
        let entry = try #require(try Self.decodeAll(segment).first)
        #expect(entry.seq == 5 && entry.at == Timestamp(unixMilliseconds: 1) && entry.status == 200)
        #expect(entry.method == "GET" && entry.path == "/x" && entry.durationMicroseconds == 2)
        #expect(entry.requestHeaders == ["A": "b"])
        #expect(entry.responseBody == Array("abc".utf8) && entry.responseBodySize == 9)
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
        other[0] = 3
        #expect(throws: JournalSegmentError.unknownFormat(3)) { try JournalSegmentReader(other) }
        #expect(throws: JournalSegmentError.unknownFormat(nil)) { try JournalSegmentReader([]) }
        // A count no segment of this size could hold.
        #expect(throws: JournalSegmentError.self) { try JournalSegmentReader([1, 0xFF, 0xFF, 0xFF, 0x0F]) }
        // A varint longer than 64 bits.
        #expect(throws: JournalSegmentError.self) {
            try JournalSegmentCodecTests.decodeAll([1, 1] + Array(repeating: 0xFF, count: 10) + [0x7F])
        }
    }

    /// A back-reference past the segment's first entry, or to a part that is itself a reference.
    @Test func backReferencesThatNameNoLiteralPart_areErrors() throws {
        let (bytes, batch, _) = JournalSegmentCodecTests.polls()
        let members = [(seq: Int64(10), index: 0), (seq: 11, index: 1), (seq: 12, index: 2)]
        let segment = JournalSegmentCodec.segment(members, of: batch, bytes: bytes)
        // The second entry's first tag (its request headers refer 1 back): make it 2, past the start.
        var reader = try JournalSegmentReader(segment)
        _ = try reader.nextHead()
        _ = try reader.nextHead()
        let tagOffset = try #require(Self.firstTagOffset(ofEntry: 1, in: segment))
        #expect(segment[tagOffset] == 1)
        var tooFar = segment
        tooFar[tagOffset] = 2
        #expect(throws: JournalSegmentError.badNumber(at: tagOffset)) { try JournalSegmentCodecTests.decodeAll(tooFar) }
        // The third entry's request headers refer 2 back; point them 1 back, at the second entry's reference.
        let thirdTag = try #require(Self.firstTagOffset(ofEntry: 2, in: segment))
        #expect(segment[thirdTag] == 2)
        var chained = segment
        chained[thirdTag] = 1
        #expect(throws: JournalSegmentError.badNumber(at: thirdTag)) { try JournalSegmentCodecTests.decodeAll(chained) }
    }

    /// Where entry `index`'s first part tag sits: after its head, rest length, duration and two
    /// absent optionals (the polls' entries 1 and 2 have a short duration; entry 1 has a query).
    static func firstTagOffset(ofEntry index: Int, in segment: [UInt8]) -> Int? {
        var offset = 2
        for current in 0...index {
            offset += 1 + 2 + 2                       // seq, at (two bytes), status 200 (two bytes)
            offset += 1 + Int(segment[offset])        // method
            offset += 1 + Int(segment[offset])        // path
            let length = Int(segment[offset])
            offset += 4
            if current == index {
                offset += 1                           // duration
                offset += segment[offset] == 0 ? 1 : 1 + Int(segment[offset]) - 1  // query
                return offset + 1                     // fault absent
            }
            offset += length
        }
        return nil
    }

    /// Damage anywhere either throws or decodes to something; it never traps. Deterministic: every
    /// byte position, each with a few replacement values.
    @Test func damagedBytes_neverTrap() {
        let (bytes, batch, entries) = JournalSegmentCodecTests.polls()
        let withReferences = JournalSegmentCodec.segment(
            entries.enumerated().map { (seq: $0.element.seq, index: $0.offset) }, of: batch, bytes: bytes)
        for segment in [valid, withReferences] {
            for position in 0..<segment.count {
                for replacement: UInt8 in [0x00, 0x01, 0x02, 0x7F, 0x80, 0xFF] where segment[position] != replacement {
                    var damaged = segment
                    damaged[position] = replacement
                    _ = try? JournalSegmentCodecTests.decodeAll(damaged)
                }
            }
        }
    }
}
