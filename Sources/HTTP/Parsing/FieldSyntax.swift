/// Byte-level grammar shared by the request parser and the chunked decoder (RFC 9110 §5, RFC 9112 §5).
enum FieldSyntax {
    // RFC 9110 §5.6.2:
    //   token = 1*tchar
    //   tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." /
    //           "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA
    // As two 64-bit masks (bytes 0–63 and 64–127) so the check is a shift and an AND, with no table
    // to initialise lazily on the hot path. Tests compare this with the grammar for all 256 bytes.
    private static let tcharLow: UInt64 = 0x03ff_6cfa_0000_0000
    private static let tcharHigh: UInt64 = 0x57ff_ffff_c7ff_fffe

    @inline(__always)
    static func isTchar(_ byte: UInt8) -> Bool {
        if byte < 64 { return (tcharLow >> UInt64(byte)) & 1 == 1 }
        if byte < 128 { return (tcharHigh >> UInt64(byte &- 64)) & 1 == 1 }
        return false
    }

    /// RFC 9110 §5.5: field-value bytes are VCHAR, SP, HTAB or obs-text (0x80–0xFF); every other
    /// control byte, including a stray CR and NUL, is refused because it is how header injection
    /// and request smuggling start.
    @inline(__always)
    static func isFieldValueByte(_ byte: UInt8) -> Bool {
        byte >= 0x20 ? byte != 0x7F : byte == 0x09
    }

    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    /// Whether `bytes[range]` equals `lowercase` ignoring ASCII case. `lowercase` holds only
    /// lowercase letters, digits and "-"; callers have checked the bytes are tchars, and no tchar
    /// other than a letter changes into one of those when OR-ed with 0x20.
    @inline(__always)
    static func equalsIgnoringCase(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>,
                                   _ lowercase: StaticString) -> Bool {
        guard range.count == lowercase.utf8CodeUnitCount else { return false }
        let literal = lowercase.utf8Start
        var i = 0
        for index in range {
            let byte = bytes[index]
            let expected = literal[i]
            if byte != expected && byte | 0x20 != expected { return false }
            i += 1
        }
        return true
    }

    /// Splits one field line (without its CRLF) into name and trimmed value ranges
    /// (RFC 9112 §5: `field-line = field-name ":" OWS field-value OWS`).
    static func splitFieldLine(_ bytes: UnsafeRawBufferPointer, _ line: Range<Int>)
        throws(ParseError) -> (name: Range<Int>, value: Range<Int>)
    {
        // RFC 9112 §5.2: obs-fold (a line starting with SP/HTAB) is obsolete; a server may reject it
        // with 400, and we do, as ambiguity between folds and new fields is a smuggling vector.
        if isWhitespace(bytes[line.lowerBound]) {
            throw .badRequest("obsolete_line_folding", "Header lines must not start with whitespace (obs-fold).")
        }
        var colon = line.lowerBound
        while colon < line.upperBound {
            let byte = bytes[colon]
            if byte == UInt8(ascii: ":") { break }
            if !isTchar(byte) {
                // RFC 9112 §5.1: "No whitespace is allowed between the field name and colon ...
                // A server MUST reject ... with a response status code of 400".
                if isWhitespace(byte) {
                    throw .badRequest("invalid_header", "Whitespace between a header name and its colon.")
                }
                throw .badRequest("invalid_header", "A header name contains a byte outside the token alphabet.")
            }
            colon += 1
        }
        if colon == line.upperBound {
            throw .badRequest("invalid_header", "A header line has no colon.")
        }
        if colon == line.lowerBound {
            throw .badRequest("invalid_header", "A header line has an empty name.")
        }
        var valueStart = colon + 1
        var valueEnd = line.upperBound
        while valueStart < valueEnd, isWhitespace(bytes[valueStart]) { valueStart += 1 }
        while valueEnd > valueStart, isWhitespace(bytes[valueEnd - 1]) { valueEnd -= 1 }
        for index in valueStart..<valueEnd where !isFieldValueByte(bytes[index]) {
            throw .badRequest("invalid_header", "A header value contains a control byte.")
        }
        return (line.lowerBound..<colon, valueStart..<valueEnd)
    }

    @inline(__always)
    static func string(_ bytes: UnsafeRawBufferPointer, _ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The index of the first LF in `bytes[from..<bytes.count]`, if any.
    @inline(__always)
    static func firstLF(_ bytes: UnsafeRawBufferPointer, from: Int) -> Int? {
        var i = from
        let end = bytes.count
        while i < end {
            if bytes[i] == 0x0A { return i }
            i += 1
        }
        return nil
    }
}
