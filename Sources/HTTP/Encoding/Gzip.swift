import CZlib

/// A zlib failure, with zlib's own message captured on the call that failed.
public enum GzipError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `deflateInit2`/`inflateInit2` failed (usually out of memory).
    case initialization(code: Int32, message: String)
    /// `deflate` returned an error.
    case compression(code: Int32, message: String)
    /// The input is not valid gzip data.
    case corrupt(code: Int32, message: String)
    /// The input ended before the gzip trailer.
    case truncated
    /// Decompressing would produce more than `limit` bytes (the defence against gzip bombs).
    case limitExceeded(limit: Int)

    public var description: String {
        switch self {
        case .initialization(let code, let message): "zlib init failed (\(code)): \(message)"
        case .compression(let code, let message): "deflate failed (\(code)): \(message)"
        case .corrupt(let code, let message): "inflate failed (\(code)): \(message)"
        case .truncated: "gzip data ends before its trailer"
        case .limitExceeded(let limit): "gzip data inflates beyond \(limit) bytes"
        }
    }
}

/// gzip (RFC 1952) compression and decompression over zlib; the only user of CZlib.
public enum Gzip {
    // zlib manual, deflateInit2: "windowBits can also be greater than 15 for optional gzip
    // encoding. Add 16 to windowBits to write a simple gzip header and trailer".
    static let gzipWindowBits: Int32 = 15 + 16

    public static func compress(_ input: [UInt8], level: Int32 = 6) throws(GzipError) -> [UInt8] {
        let stream = try DeflateStream(level: level, windowBits: gzipWindowBits)
        return try stream.compress(input)
    }

    /// Inflates `input`, failing with `.limitExceeded` as soon as the output would pass `limit`
    /// (zlib only ever writes into the room it is given, so a bomb never inflates past it).
    public static func decompress(_ input: [UInt8], limit: Int) throws(GzipError) -> [UInt8] {
        let stream = try InflateStream()
        return try stream.decompress(input, limit: limit)
    }

    static func message(_ stream: UnsafeMutablePointer<z_stream>, _ code: Int32) -> String {
        if let msg = stream.pointee.msg { return String(cString: msg) }
        if let text = zError(code) { return String(cString: text) }
        return "zlib error \(code)"
    }
}

/// Owns one deflate `z_stream`. zlib keeps a pointer back to the stream inside its state, so the
/// stream lives at a fixed heap address rather than in a Swift stored property that may move.
/// `windowBits` picks the framing: gzip (`Gzip.gzipWindowBits`) or raw DEFLATE (`Deflate.rawWindowBits`).
final class DeflateStream {
    private let stream: UnsafeMutablePointer<z_stream>

    init(level: Int32, windowBits: Int32) throws(GzipError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = buildermock_deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY)
        guard code == Z_OK else {
            let error = GzipError.initialization(code: code, message: Gzip.message(stream, code))
            stream.deallocate()
            throw error
        }
    }

    deinit {
        deflateEnd(stream)
        stream.deallocate()
    }

    func compress(_ input: [UInt8]) throws(GzipError) -> [UInt8] {
        // deflateBound is an upper bound for a single Z_FINISH call, so one pass always suffices.
        let capacity = Int(deflateBound(stream, uLong(input.count)))
        var status: Int32 = Z_OK
        let output = input.withUnsafeBufferPointer { inBuffer in
            [UInt8](unsafeUninitializedCapacity: capacity) { outBuffer, written in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
                stream.pointee.avail_in = uInt(inBuffer.count)
                stream.pointee.next_out = outBuffer.baseAddress
                stream.pointee.avail_out = uInt(outBuffer.count)
                status = deflate(stream, Z_FINISH)
                written = outBuffer.count - Int(stream.pointee.avail_out)
                stream.pointee.next_in = nil
                stream.pointee.next_out = nil
            }
        }
        guard status == Z_STREAM_END else {
            throw .compression(code: status, message: Gzip.message(stream, status))
        }
        return output
    }
}

/// Owns one inflate `z_stream` (fixed heap address for the same reason as `DeflateStream`).
final class InflateStream {
    private let stream: UnsafeMutablePointer<z_stream>

    init() throws(GzipError) {
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = buildermock_inflateInit2(stream, Gzip.gzipWindowBits)
        guard code == Z_OK else {
            let error = GzipError.initialization(code: code, message: Gzip.message(stream, code))
            stream.deallocate()
            throw error
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deallocate()
    }

    func decompress(_ input: [UInt8], limit: Int) throws(GzipError) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, max(input.count * 4, 256)))
        let chunkSize = 64 * 1024
        let scratch = UnsafeMutablePointer<UInt8>.allocate(capacity: chunkSize)
        defer { scratch.deallocate() }
        let result: Result<Void, GzipError> = input.withUnsafeBufferPointer { inBuffer in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.pointee.avail_in = uInt(inBuffer.count)
            defer { stream.pointee.next_in = nil; stream.pointee.next_out = nil }
            while true {
                // One byte more than the remaining room, so reaching the limit exactly is allowed
                // but going past it is seen without inflating further.
                let left = limit - output.count
                let room = left >= chunkSize ? chunkSize : left + 1
                stream.pointee.next_out = scratch
                stream.pointee.avail_out = uInt(room)
                let code = inflate(stream, Z_NO_FLUSH)
                let produced = room - Int(stream.pointee.avail_out)
                if output.count + produced > limit { return .failure(.limitExceeded(limit: limit)) }
                output.append(contentsOf: UnsafeBufferPointer(start: scratch, count: produced))
                switch code {
                case Z_STREAM_END:
                    // RFC 1952 §2.2: a gzip file may hold several members back to back.
                    if stream.pointee.avail_in == 0 { return .success(()) }
                    let reset = inflateReset(stream)
                    if reset != Z_OK { return .failure(.corrupt(code: reset, message: Gzip.message(stream, reset))) }
                case Z_OK:
                    continue
                case Z_BUF_ERROR:
                    // No progress possible: either all input is used (truncated) or output is full,
                    // which the limit check above has already handled.
                    if stream.pointee.avail_in == 0 { return .failure(.truncated) }
                    if produced == 0 { return .failure(.corrupt(code: code, message: Gzip.message(stream, code))) }
                default:
                    return .failure(.corrupt(code: code, message: Gzip.message(stream, code)))
                }
            }
        }
        try result.get()
        return output
    }
}
