import HTTP

/// Writes a batch of one namespace's journal entries as one segment blob.
///
/// Format 1, all integers LEB128 varints (zigzag where they may be negative), strings and bodies a
/// varint length then raw bytes, an optional string 0 for nil or its length + 1:
/// ```
/// segment := 0x01 count entry*
/// entry   := seq zigzag(at) status method path rest-length(u32 LE) rest
/// rest    := zigzag(duration_us) query? fault? headers body headers body     (request, then response)
/// headers := count (name value)*
/// body    := real-size bytes                                                  (bytes: cut at the cap)
/// ```
/// The head carries what listings filter on, and `rest-length` lets a reader step over the rest of
/// an entry the filters reject without decoding it. Credentials are redacted here, as the request
/// headers are written, so the request path never copies its headers to hide one value.
enum JournalSegmentCodec {
    static let formatVersion: UInt8 = 1

    /// `entries` (seqs already assigned, in order) as one segment; bodies over `bodyCap` are cut,
    /// keeping their real sizes.
    static func encode(_ entries: some Collection<JournalEntry>, bodyCap: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(entries.reduce(8) { $0 + estimatedSize(of: $1, bodyCap: bodyCap) })
        out.append(formatVersion)
        writeVarint(UInt64(entries.count), to: &out)
        for entry in entries { write(entry, bodyCap: bodyCap, to: &out) }
        return out
    }

    /// One entry without its seq (everything `entry` holds after it), appended to `out`: what
    /// `RequestJournal.record` writes on the request's thread, before the seq is known.
    static func encodeUnnumbered(_ entry: JournalEntry, bodyCap: Int, to out: inout [UInt8]) {
        writeRest(entry, bodyCap: bodyCap, to: &out)
    }

    /// A segment of entries encoded by `encodeUnnumbered`: `bytes[ranges[i]]` gets seq `seqs[i]`.
    static func segment(seqs: [Int64], bytes: [UInt8], ranges: [Range<Int>]) -> [UInt8] {
        precondition(seqs.count == ranges.count)
        var out: [UInt8] = []
        out.reserveCapacity(ranges.reduce(8) { $0 + $1.count + 10 })
        out.append(formatVersion)
        writeVarint(UInt64(ranges.count), to: &out)
        for (seq, range) in zip(seqs, ranges) {
            writeVarint(UInt64(bitPattern: seq), to: &out)
            out.append(contentsOf: bytes[range])
        }
        return out
    }

    /// About how many bytes `entry` takes encoded (headers are guessed, not measured).
    static func estimatedSize(of entry: JournalEntry, bodyCap: Int) -> Int {
        64 + entry.path.utf8.count + (entry.query?.utf8.count ?? 0)
            + min(entry.requestBody.count, bodyCap) + min(entry.responseBody.count, bodyCap)
            + (entry.requestHeaders.count + entry.responseHeaders.count) * 48
    }

    private static func write(_ entry: JournalEntry, bodyCap: Int, to out: inout [UInt8]) {
        writeVarint(UInt64(bitPattern: entry.seq), to: &out)
        writeRest(entry, bodyCap: bodyCap, to: &out)
    }

    private static func writeRest(_ entry: JournalEntry, bodyCap: Int, to out: inout [UInt8]) {
        writeVarint(zigzag(entry.at.unixMilliseconds), to: &out)
        writeVarint(UInt64(UInt32(truncatingIfNeeded: entry.status)), to: &out)
        writeString(entry.method, to: &out)
        writeString(entry.path, to: &out)
        let lengthAt = out.count
        out.append(contentsOf: [0, 0, 0, 0])
        writeVarint(zigzag(entry.durationMicroseconds), to: &out)
        writeOptionalString(entry.query, to: &out)
        writeOptionalString(entry.fault, to: &out)
        writeHeaders(entry.requestHeaders, redacting: true, to: &out)
        writeBody(entry.requestBody, size: entry.requestBodySize, cap: bodyCap, to: &out)
        writeHeaders(entry.responseHeaders, redacting: false, to: &out)
        writeBody(entry.responseBody, size: entry.responseBodySize, cap: bodyCap, to: &out)
        let length = UInt32(out.count - lengthAt - 4)
        for index in 0..<4 { out[lengthAt + index] = UInt8(truncatingIfNeeded: length >> (8 * index)) }
    }

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
