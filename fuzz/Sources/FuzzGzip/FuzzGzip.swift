import FuzzSupport
import HTTP

/// libFuzzer entry point for the gzip decoder (`Gzip.decompress`, used on `Content-Encoding: gzip`
/// request bodies).
///
/// Input: 1 control byte (the output limit), then bytes offered as a gzip body: decoding must fail
/// cleanly or stay within the limit. The same bytes are also compressed and inflated back, which
/// must give them back exactly.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGzip(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size, controlBytes: 1)
    let limits = [0, 1, 64, 1024, 65_536, 65_537, 1 << 20, 10 << 20]
    let limit = limits[Int(input.control[0] & 7)]
    do {
        let output = try Gzip.decompress(input.payload, limit: limit)
        if output.count > limit { fuzzFailure("inflated \(output.count) bytes past the \(limit) limit") }
    } catch {
        // Corrupt, truncated or over the limit: each is a clean typed error, which is what we want.
        if case .limitExceeded(let reported) = error, reported != limit {
            fuzzFailure("limit error names \(reported), not \(limit)")
        }
    }
    do {
        let level = Int32((input.control[0] >> 3) % 10)
        let compressed = try Gzip.compress(input.payload, level: level)
        let restored = try Gzip.decompress(compressed, limit: input.payload.count)
        if restored != input.payload { fuzzFailure("gzip round trip changed \(input.payload.count) bytes") }
    } catch {
        fuzzFailure("round trip failed: \(error)")
    }
    return 0
}
