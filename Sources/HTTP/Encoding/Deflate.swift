import CZlib

/// Raw DEFLATE (RFC 1951, no zlib or gzip wrapper) and CRC-32, for writers of container formats
/// that frame the compressed bytes themselves, such as the zip archives behind download links.
/// Failures are zlib failures, so they share `GzipError`.
public enum Deflate {
    // zlib manual, deflateInit2: "windowBits can also be -8..-15 for raw deflate. In this case,
    // -windowBits determines the window size. deflate() will then generate raw deflate data with no
    // zlib header or trailer, and will not compute a check value." Zip entries (APPNOTE 4.4.5,
    // method 8) hold exactly that.
    static let rawWindowBits: Int32 = -15

    /// `input` compressed as one raw DEFLATE stream. Deterministic for a given zlib build and level.
    public static func raw(_ input: [UInt8], level: Int32 = 6) throws(GzipError) -> [UInt8] {
        let stream = try DeflateStream(level: level, windowBits: rawWindowBits)
        return try stream.compress(input)
    }

    /// The CRC-32 of ISO 3309 / ITU-T V.42 that zip and gzip store, through zlib's `crc32`.
    public static func crc32(_ input: [UInt8]) -> UInt32 {
        input.withUnsafeBufferPointer { buffer in
            // zlib: "If buf is Z_NULL, this function returns the required initial value for the crc."
            let initial = CZlib.crc32(0, nil, 0)
            guard let base = buffer.baseAddress, !buffer.isEmpty else { return UInt32(initial) }
            return UInt32(CZlib.crc32(initial, base, uInt(buffer.count)))
        }
    }
}
