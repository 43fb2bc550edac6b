/// Incremental decoder for the chunked transfer coding (RFC 9112 §7.1), independent of requests so
/// the HTTP client can decode chunked responses with it.
///
/// The caller owns the byte buffer: `decode(_:)` consumes whatever whole pieces it can and returns
/// how many bytes it used; the caller keeps the rest and offers it again with more bytes appended.
/// Once `isComplete`, bytes past the returned count belong to the next message.
///
///     chunked-body = *chunk last-chunk trailer-section CRLF
///     chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
///     chunk-ext    = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
public struct ChunkedDecoder: Sendable {
    /// The decoded data so far.
    public private(set) var body: [UInt8] = []
    /// Trailer fields (RFC 9112 §7.1.2), kept apart from the head's fields.
    public private(set) var trailers: HTTPHeaders = HTTPHeaders()
    public var isComplete: Bool { if case .done = state { true } else { false } }

    private enum State: Sendable {
        case size
        case data(remaining: Int)
        case dataEnd
        case trailers
        case done
    }
    private var state: State = .size
    private var trailerBytes = 0
    private let maxBodyBytes: Int
    private let maxLineBytes: Int
    private let maxTrailerBytes: Int
    private let maxTrailerCount: Int

    /// - Parameters:
    ///   - maxBodyBytes: the sum of chunk sizes above which decoding fails with 413, as soon as a
    ///     chunk-size line announces it.
    ///   - maxLineBytes: the longest chunk-size line, extensions included (400 beyond it).
    public init(maxBodyBytes: Int = .max, maxLineBytes: Int = 4096,
                maxTrailerBytes: Int = 16384, maxTrailerCount: Int = 100) {
        self.maxBodyBytes = maxBodyBytes
        self.maxLineBytes = maxLineBytes
        self.maxTrailerBytes = maxTrailerBytes
        self.maxTrailerCount = maxTrailerCount
    }

    /// Hands out the decoded body, leaving this decoder's copy empty (no copy of the bytes).
    public mutating func takeBody() -> [UInt8] {
        var taken: [UInt8] = []
        swap(&taken, &body)
        return taken
    }

    public mutating func decode(_ bytes: [UInt8]) throws(ParseError) -> Int {
        let result: Result<Int, ParseError> = bytes.withUnsafeBytes { raw in
            do throws(ParseError) { return .success(try decode(raw)) } catch { return .failure(error) }
        }
        return try result.get()
    }

    /// Consumes as much of `bytes` as forms whole syntax pieces (chunk data may be consumed
    /// partially) and returns the number of bytes used.
    public mutating func decode(_ bytes: UnsafeRawBufferPointer) throws(ParseError) -> Int {
        var i = 0
        while true {
            switch state {
            case .done:
                return i
            case .size:
                guard let lf = FieldSyntax.firstLF(bytes, from: i) else {
                    if bytes.count - i > maxLineBytes { throw Self.lineTooLong }
                    return i
                }
                if lf - i > maxLineBytes { throw Self.lineTooLong }
                guard lf > i, bytes[lf - 1] == 0x0D else { throw Self.bareLF }
                let size = try Self.parseSizeLine(bytes, i..<(lf - 1))
                if size > maxBodyBytes - body.count { throw .bodyTooLarge(limit: maxBodyBytes) }
                i = lf + 1
                if size == 0 {
                    state = .trailers
                } else {
                    body.reserveCapacity(body.count + min(size, RequestParser.bodyReservationCap))
                    state = .data(remaining: size)
                }
            case .data(let remaining):
                let available = min(remaining, bytes.count - i)
                if available == 0 { return i }
                body.append(contentsOf: UnsafeRawBufferPointer(rebasing: bytes[i..<(i + available)]))
                i += available
                state = available == remaining ? .dataEnd : .data(remaining: remaining - available)
            case .dataEnd:
                if bytes.count - i < 2 {
                    if bytes.count > i && bytes[i] != 0x0D { throw Self.missingDataCRLF }
                    return i
                }
                guard bytes[i] == 0x0D, bytes[i + 1] == 0x0A else { throw Self.missingDataCRLF }
                i += 2
                state = .size
            case .trailers:
                guard let lf = FieldSyntax.firstLF(bytes, from: i) else {
                    if trailerBytes + bytes.count - i > maxTrailerBytes { throw Self.trailersTooLarge }
                    return i
                }
                trailerBytes += lf + 1 - i
                if trailerBytes > maxTrailerBytes { throw Self.trailersTooLarge }
                guard lf > i, bytes[lf - 1] == 0x0D else { throw Self.bareLF }
                let line = i..<(lf - 1)
                i = lf + 1
                if line.isEmpty {
                    state = .done
                    continue
                }
                if trailers.count >= maxTrailerCount { throw Self.trailersTooLarge }
                let field = try FieldSyntax.splitFieldLine(bytes, line)
                trailers.add(FieldSyntax.string(bytes, field.name), FieldSyntax.string(bytes, field.value))
            }
        }
    }

    /// `chunk-size [ chunk-ext ]`: hex digits, then extensions that are checked for stray control
    /// bytes but otherwise ignored, as RFC 9112 §7.1.1 asks of recipients that do not understand them.
    private static func parseSizeLine(_ bytes: UnsafeRawBufferPointer, _ line: Range<Int>) throws(ParseError) -> Int {
        var size = 0
        var i = line.lowerBound
        while i < line.upperBound, let digit = PercentDecoding.hexValue(bytes[i]) {
            // Beyond 2^59 the next shift could overflow; no limit we enforce comes close.
            if size > Int.max >> 5 { throw .bodyTooLarge(limit: Int.max >> 5) }
            size = size << 4 | Int(digit)
            i += 1
        }
        if i == line.lowerBound { throw .badRequest("invalid_chunk", "A chunk-size line does not start with hex digits.") }
        while i < line.upperBound, FieldSyntax.isWhitespace(bytes[i]) { i += 1 }
        if i < line.upperBound {
            guard bytes[i] == UInt8(ascii: ";") else {
                throw .badRequest("invalid_chunk", "A chunk size is followed by something other than an extension.")
            }
            for index in i..<line.upperBound where !FieldSyntax.isFieldValueByte(bytes[index]) {
                throw .badRequest("invalid_chunk", "A chunk extension contains a control byte.")
            }
        }
        return size
    }

    private static let lineTooLong = ParseError.badRequest("invalid_chunk", "A chunk-size line is too long.")
    private static let bareLF = ParseError.badRequest("invalid_chunk", "Chunked framing lines must end in CRLF.")
    private static let missingDataCRLF = ParseError.badRequest("invalid_chunk", "Chunk data is not followed by CRLF.")
    private static let trailersTooLarge = ParseError.headersTooLarge("The chunked trailer section is too large.")
}
