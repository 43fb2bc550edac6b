import HTTP

/// Writes a batch of one namespace's journal entries as one segment blob.
///
/// Format 2, all integers LEB128 varints (zigzag where they may be negative), strings and bodies a
/// varint length then raw bytes, an optional string 0 for nil or its length + 1:
/// ```
/// segment := 0x02 count entry*
/// entry   := seq zigzag(at) status method path rest-length(u32 LE) rest
/// rest    := zigzag(duration_us) query? fault? part part part part   (request headers, request body,
///                                                                     response headers, response body)
/// part    := 0 (headers | body)  |  back                             (back ≥ 1: see below)
/// headers := count (name value)*
/// body    := real-size bytes                                          (bytes: cut at the cap)
/// ```
/// A part given as `back` is the same part of the entry `back` places earlier in the segment, which
/// holds it literally. A client polling a job sends the same headers and gets the same body time
/// after time; with the repeats left out, a journaled poll costs a few dozen bytes to write and
/// store, not the whole exchange again. Format 1 (still read) is format 2 without part tags.
///
/// The head carries what listings filter on, and `rest-length` lets a reader step over the rest of
/// an entry the filters reject without decoding it. Credentials are redacted here, as the request
/// headers are written, so the request path never copies its headers to hide one value.
enum JournalSegmentCodec {
    static let formatVersion: UInt8 = 2

    /// The four parts of an entry's rest, in the order they are written.
    enum PartKind: Int, CaseIterable {
        case requestHeaders, requestBody, responseHeaders, responseBody
    }

    /// How `Recorded` holds a part: its literal bytes in the buffer (without the tag), or the index,
    /// in the same batch, of an entry that holds the same part literally.
    enum Part {
        case literal(Range<Int>)
        case sameAs(Int)
    }

    /// One entry encoded into a buffer shared with the rest of its batch, before its seq is known:
    /// where its pieces lie. The writer numbers and assembles these into segments.
    struct Recorded {
        /// `zigzag(at) status method path`.
        var head: Range<Int>
        /// `zigzag(duration_us) query? fault?`.
        var prefix: Range<Int>
        var parts: Parts

        /// Bytes this entry adds to a segment, about (a back-reference counted as its one-byte tag).
        var literalSize: Int {
            PartKind.allCases.reduce(head.count + prefix.count + 8) { size, kind in
                if case .literal(let range) = parts[kind] { size + range.count + 1 } else { size + 1 }
            }
        }
    }

    struct Parts {
        var requestHeaders: Part = .literal(0..<0)
        var requestBody: Part = .literal(0..<0)
        var responseHeaders: Part = .literal(0..<0)
        var responseBody: Part = .literal(0..<0)

        subscript(kind: PartKind) -> Part {
            get {
                switch kind {
                case .requestHeaders: requestHeaders
                case .requestBody: requestBody
                case .responseHeaders: responseHeaders
                case .responseBody: responseBody
                }
            }
            set {
                switch kind {
                case .requestHeaders: requestHeaders = newValue
                case .requestBody: requestBody = newValue
                case .responseHeaders: responseHeaders = newValue
                case .responseBody: responseBody = newValue
                }
            }
        }
    }

    // MARK: - Recording

    /// Appends what a listing filters on: `zigzag(at) status method path`.
    static func appendHead(_ entry: JournalEntry, to out: inout [UInt8]) -> Range<Int> {
        let start = out.count
        writeVarint(zigzag(entry.at.unixMilliseconds), to: &out)
        writeVarint(UInt64(UInt32(truncatingIfNeeded: entry.status)), to: &out)
        writeString(entry.method, to: &out)
        writeString(entry.path, to: &out)
        return start..<out.count
    }

    /// Appends the small fields that open an entry's rest: duration, query and fault.
    static func appendPrefix(_ entry: JournalEntry, to out: inout [UInt8]) -> Range<Int> {
        let start = out.count
        writeVarint(zigzag(entry.durationMicroseconds), to: &out)
        writeOptionalString(entry.query, to: &out)
        writeOptionalString(entry.fault, to: &out)
        return start..<out.count
    }

    /// Appends one part of `entry` literally (without its tag): headers, request headers redacted;
    /// or a body cut at `bodyCap`.
    static func appendPart(_ kind: PartKind, of entry: JournalEntry, bodyCap: Int, to out: inout [UInt8]) -> Range<Int> {
        let start = out.count
        switch kind {
        case .requestHeaders: writeHeaders(entry.requestHeaders, redacting: true, to: &out)
        case .requestBody: writeBody(entry.requestBody, size: entry.requestBodySize, cap: bodyCap, to: &out)
        case .responseHeaders: writeHeaders(entry.responseHeaders, redacting: false, to: &out)
        case .responseBody: writeBody(entry.responseBody, size: entry.responseBodySize, cap: bodyCap, to: &out)
        }
        return start..<out.count
    }

    /// Appends `entry` with every part literal.
    static func appendLiteral(_ entry: JournalEntry, bodyCap: Int, to out: inout [UInt8]) -> Recorded {
        let head = appendHead(entry, to: &out)
        let prefix = appendPrefix(entry, to: &out)
        var parts = Parts()
        for kind in PartKind.allCases { parts[kind] = .literal(appendPart(kind, of: entry, bodyCap: bodyCap, to: &out)) }
        return Recorded(head: head, prefix: prefix, parts: parts)
    }

    // MARK: - Assembling

    /// The segment of `members` (batch indexes into `batch`, ascending, with their seqs), whose
    /// bytes lie in `bytes`. A part that repeats an entry of the same segment is written as a
    /// back-reference; one whose source ended up in an earlier segment is copied from that source.
    static func segment(_ members: some Collection<(seq: Int64, index: Int)>, of batch: [Recorded],
                        bytes: [UInt8]) -> [UInt8] {
        let indexes = members.map(\.index)
        var out: [UInt8] = []
        out.reserveCapacity(members.reduce(8) { $0 + batch[$1.index].literalSize + 10 })
        out.append(formatVersion)
        writeVarint(UInt64(members.count), to: &out)
        for (position, member) in members.enumerated() {
            let entry = batch[member.index]
            writeVarint(UInt64(bitPattern: member.seq), to: &out)
            out.append(contentsOf: bytes[entry.head])
            let lengthAt = out.count
            out.append(contentsOf: [0, 0, 0, 0])
            out.append(contentsOf: bytes[entry.prefix])
            for kind in PartKind.allCases {
                switch entry.parts[kind] {
                case .literal(let range):
                    out.append(0)
                    out.append(contentsOf: bytes[range])
                case .sameAs(let source):
                    if let sourcePosition = place(of: source, in: indexes, before: position) {
                        writeVarint(UInt64(position - sourcePosition), to: &out)
                    } else {
                        guard case .literal(let range) = batch[source].parts[kind] else {
                            preconditionFailure("a repeated part must name the entry that holds it")
                        }
                        out.append(0)
                        out.append(contentsOf: bytes[range])
                    }
                }
            }
            let length = UInt32(out.count - lengthAt - 4)
            for index in 0..<4 { out[lengthAt + index] = UInt8(truncatingIfNeeded: length >> (8 * index)) }
        }
        return out
    }

    /// Where batch index `index` sits among the ascending `indexes[..<limit]`, if it does.
    private static func place(of index: Int, in indexes: [Int], before limit: Int) -> Int? {
        var low = 0
        var high = limit
        while low < high {
            let middle = (low + high) / 2
            if indexes[middle] < index { low = middle + 1 } else { high = middle }
        }
        return low < limit && indexes[low] == index ? low : nil
    }

    /// `entries` (seqs already assigned, in order) as one segment, every part literal; bodies over
    /// `bodyCap` are cut, keeping their real sizes.
    static func encode(_ entries: some Collection<JournalEntry>, bodyCap: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        let batch = entries.map { appendLiteral($0, bodyCap: bodyCap, to: &bytes) }
        return segment(entries.enumerated().map { (seq: $0.element.seq, index: $0.offset) }, of: batch, bytes: bytes)
    }

    // MARK: - Primitives

    private static func writeHeaders(_ headers: HTTPHeaders, redacting: Bool, to out: inout [UInt8]) {
        writeVarint(UInt64(headers.count), to: &out)
        for field in headers {
            writeString(field.name, to: &out)
            writeString(redacting && Redaction.isCredentialField(field.name) ? Redaction.redact(field.value) : field.value,
                        to: &out)
        }
    }

    private static func writeBody(_ body: [UInt8], size: Int, cap: Int, to out: inout [UInt8]) {
        let kept = min(body.count, cap)
        writeVarint(UInt64(max(size, body.count)), to: &out)
        writeVarint(UInt64(kept), to: &out)
        out.append(contentsOf: body[..<kept])
    }

    private static func writeString(_ string: String, to out: inout [UInt8]) {
        writeVarint(UInt64(string.utf8.count), to: &out)
        out.append(contentsOf: string.utf8)
    }

    private static func writeOptionalString(_ string: String?, to out: inout [UInt8]) {
        guard let string else { return out.append(0) }
        writeVarint(UInt64(string.utf8.count) + 1, to: &out)
        out.append(contentsOf: string.utf8)
    }

    static func writeVarint(_ value: UInt64, to out: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            out.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        out.append(UInt8(value))
    }

    /// Small magnitudes of either sign in few bytes (https://protobuf.dev/programming-guides/encoding/#signed-ints).
    static func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }
    static func unzigzag(_ value: UInt64) -> Int64 { Int64(bitPattern: value >> 1) ^ -Int64(bitPattern: value & 1) }
}
