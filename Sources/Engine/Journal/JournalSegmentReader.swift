import HTTP

/// Reads the entries of a segment that `JournalSegmentCodec` wrote (format 2, or format 1 from
/// older versions), one at a time: first an entry's head (what listings filter on), then either the
/// rest of it or a step over it; a part the rest refers back for is read from the entry holding it.
/// Every length is checked against the data, so a damaged blob throws `JournalSegmentError` instead
/// of trapping.
struct JournalSegmentReader {
    /// What a filter needs from an entry, readable without decoding headers or bodies.
    struct Head {
        var seq: Int64
        var at: Int64
        var status: Int
        var method: String
        var path: String
    }

    private let data: [UInt8]
    /// 1 or 2: whether the parts of an entry's rest carry tags (and may refer back).
    private let format: UInt8
    private var offset = 0
    /// Entries whose head has not been read yet.
    private(set) var remaining: Int
    /// Where the current entry's rest starts and ends; nil between entries.
    private var rest: Range<Int>?
    /// The rests of the entries read so far, for parts that refer back to one (format 2).
    private var rests: [Range<Int>] = []

    init(_ data: [UInt8]) throws(JournalSegmentError) {
        self.data = data
        guard let format = data.first, format == 1 || format == JournalSegmentCodec.formatVersion else {
            throw .unknownFormat(data.first)
        }
        self.format = format
        offset = 1
        remaining = 0
        let count = try readVarint()
        // Every entry takes several bytes, so a count above the byte count is damage, not a big
        // segment (and must not size anything).
        guard count <= UInt64(data.count) else { throw .badNumber(at: 1) }
        remaining = Int(count)
    }

    /// The next entry's head, or nil after the last one (when the data must also be used up).
    mutating func nextHead() throws(JournalSegmentError) -> Head? {
        if rest != nil { try skipRest() }
        guard remaining > 0 else {
            guard offset == data.count else { throw .badLength(at: offset) }
            return nil
        }
        remaining -= 1
        let seq = Int64(bitPattern: try readVarint())
        let at = JournalSegmentCodec.unzigzag(try readVarint())
        let statusOffset = offset
        guard let status = Int(exactly: try readVarint()), status <= UInt32.max else { throw .badNumber(at: statusOffset) }
        let method = try readString()
        let path = try readString()
        let length = Int(try readFixed32())
        guard length <= data.count - offset else { throw .truncated(at: offset) }
        rest = offset..<(offset + length)
        if format > 1 { rests.append(offset..<(offset + length)) }
        return Head(seq: seq, at: at, status: status, method: method, path: path)
    }

    mutating func skipRest() throws(JournalSegmentError) {
        guard let rest else { return }
        offset = rest.upperBound
        self.rest = nil
    }

    /// The whole entry whose head `nextHead` just returned.
    mutating func readRest(_ head: Head, namespace: String) throws(JournalSegmentError) -> JournalEntry {
        guard let rest else { preconditionFailure("readRest without a head") }
        let duration = JournalSegmentCodec.unzigzag(try readVarint())
        let query = try readOptionalString()
        let fault = try readOptionalString()
        let requestHeaders = try part(.requestHeaders) { (reader: inout Self) throws(JournalSegmentError) in try reader.readHeaders() }
        let (requestBody, requestBodySize) = try part(.requestBody) { (reader: inout Self) throws(JournalSegmentError) in try reader.readBody() }
        let responseHeaders = try part(.responseHeaders) { (reader: inout Self) throws(JournalSegmentError) in try reader.readHeaders() }
        let (responseBody, responseBodySize) = try part(.responseBody) { (reader: inout Self) throws(JournalSegmentError) in try reader.readBody() }
        guard offset == rest.upperBound else { throw .badLength(at: rest.lowerBound) }
        self.rest = nil
        return JournalEntry(seq: head.seq, namespace: namespace, at: Timestamp(unixMilliseconds: head.at),
                            method: head.method, path: head.path, query: query, requestHeaders: requestHeaders,
                            requestBody: requestBody, requestBodySize: requestBodySize, status: head.status,
                            responseHeaders: responseHeaders, responseBody: responseBody,
                            responseBodySize: responseBodySize, durationMicroseconds: duration, fault: fault)
    }

    /// The current entry's next part, `kind`: read in place, or, for a back-reference, from the
    /// entry it names (which must hold that part literally).
    private mutating func part<Value>(_ kind: JournalSegmentCodec.PartKind,
                                      _ read: (inout Self) throws(JournalSegmentError) -> Value) throws(JournalSegmentError) -> Value {
        guard format > 1 else { return try read(&self) }
        let tagOffset = offset
        let back = try readVarint()
        guard back > 0 else { return try read(&self) }
        // The current entry's rest is the last one recorded; `back` counts entries before it.
        guard back < UInt64(rests.count) else { throw .badNumber(at: tagOffset) }
        let source = rests[rests.count - 1 - Int(back)]
        let (savedOffset, savedRest) = (offset, rest)
        defer { (offset, rest) = (savedOffset, savedRest) }
        (offset, rest) = (source.lowerBound, source)
        _ = try readVarint()
        _ = try readOptionalString()
        _ = try readOptionalString()
        for earlier in JournalSegmentCodec.PartKind.allCases.prefix(kind.rawValue) { try skipPart(earlier) }
        // A source that itself refers back is damage: the writer always names the literal holder.
        guard try readVarint() == 0 else { throw .badNumber(at: tagOffset) }
        return try read(&self)
    }

    /// Steps over one tagged part: its literal bytes, or just its back-reference.
    private mutating func skipPart(_ kind: JournalSegmentCodec.PartKind) throws(JournalSegmentError) {
        guard try readVarint() == 0 else { return }
        switch kind {
        case .requestHeaders, .responseHeaders:
            let start = offset
            let count = try readVarint()
            guard count <= UInt64(end - offset) / 2 else { throw .badNumber(at: start) }
            for _ in 0..<count {
                _ = try readBytes()
                _ = try readBytes()
            }
        case .requestBody, .responseBody:
            _ = try readVarint()
            _ = try readBytes()
        }
    }

    // MARK: - Primitives

    private var end: Int { rest?.upperBound ?? data.count }

    private mutating func readVarint() throws(JournalSegmentError) -> UInt64 {
        let start = offset
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard offset < end else { throw .truncated(at: offset) }
            let byte = data[offset]
            offset += 1
            // The tenth byte may carry only the top bit of a 64-bit value.
            guard shift < 63 || byte <= 1 else { throw .badNumber(at: start) }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    private mutating func readFixed32() throws(JournalSegmentError) -> UInt32 {
        guard end - offset >= 4 else { throw .truncated(at: offset) }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(data[offset + index]) << (8 * index) }
        offset += 4
        return value
    }

    private mutating func readLength() throws(JournalSegmentError) -> Int {
        let start = offset
        let length = try readVarint()
        guard length <= UInt64(end - offset) else { throw .truncated(at: start) }
        return Int(length)
    }

    private mutating func readBytes() throws(JournalSegmentError) -> ArraySlice<UInt8> {
        let length = try readLength()
        defer { offset += length }
        return data[offset..<(offset + length)]
    }

    private mutating func readString() throws(JournalSegmentError) -> String {
        String(decoding: try readBytes(), as: UTF8.self)
    }

    private mutating func readOptionalString() throws(JournalSegmentError) -> String? {
        let start = offset
        let marker = try readVarint()
        guard marker > 0 else { return nil }
        guard marker - 1 <= UInt64(end - offset) else { throw .truncated(at: start) }
        let length = Int(marker - 1)
        defer { offset += length }
        return String(decoding: data[offset..<(offset + length)], as: UTF8.self)
    }

    private mutating func readHeaders() throws(JournalSegmentError) -> HTTPHeaders {
        let start = offset
        let count = try readVarint()
        // Each field takes at least two bytes.
        guard count <= UInt64(end - offset) / 2 else { throw .badNumber(at: start) }
        var headers = HTTPHeaders(reservingCapacity: Int(count))
        for _ in 0..<count { headers.add(try readString(), try readString()) }
        return headers
    }

    private mutating func readBody() throws(JournalSegmentError) -> (bytes: [UInt8], size: Int) {
        let start = offset
        let size = try readVarint()
        let bytes = try readBytes()
        guard let realSize = Int(exactly: size), realSize >= bytes.count else { throw .badNumber(at: start) }
        return (Array(bytes), realSize)
    }
}
