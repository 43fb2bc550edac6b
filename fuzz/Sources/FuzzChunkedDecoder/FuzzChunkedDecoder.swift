import FuzzSupport
import HTTP

/// libFuzzer entry point for `ChunkedDecoder`.
///
/// Input: 4 control bytes (limits, split mode, split seed), then a chunked body. It is decoded
/// whole and again the way `RequestParser` and `HTTPClient` drive the decoder (the caller keeps the
/// unconsumed tail and offers it again with the next read appended); both must end in the same
/// state with the same body, trailers and leftover bytes.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzChunkedDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = FuzzInput(data, size, controlBytes: 4)
    let seed = UInt16(input.control[2]) << 8 | UInt16(input.control[3])
    let whole = ChunkedDecoderFuzz.run([input.payload], control: input.control[0])
    let pieces = FuzzInput.pieces(of: input.payload, mode: input.control[1], seed: seed)
    let split = ChunkedDecoderFuzz.run(pieces, control: input.control[0])
    if whole != split {
        fuzzFailure("whole and split decodes differ\nwhole: \(whole)\nsplit: \(split)")
    }
    return 0
}

/// Where a decode ended up.
struct DecodeTranscript: Equatable {
    var complete = false
    var body: [UInt8] = []
    var trailers: [String] = []
    var leftover: [UInt8] = []
    var error: String?
}

enum ChunkedDecoderFuzz {
    static func decoder(_ byte: UInt8) -> (ChunkedDecoder, maxBody: Int) {
        let bodies = [0, 16, 4096, Int.max]
        let lines = [4, 16, 4096, 4096]
        let trailerBytes = [8, 64, 16384, 16384]
        let trailerCounts = [1, 3, 100, 100]
        let maxBody = bodies[Int(byte & 3)]
        return (ChunkedDecoder(maxBodyBytes: maxBody, maxLineBytes: lines[Int(byte >> 2 & 3)],
                               maxTrailerBytes: trailerBytes[Int(byte >> 4 & 3)],
                               maxTrailerCount: trailerCounts[Int(byte >> 6 & 3)]), maxBody)
    }

    static func run(_ pieces: [[UInt8]], control: UInt8) -> DecodeTranscript {
        var (decoder, maxBody) = decoder(control)
        var transcript = DecodeTranscript()
        var buffer: [UInt8] = []
        var next = 0
        while next < pieces.count {
            buffer += pieces[next]
            next += 1
            let used: Int
            do {
                used = try decoder.decode(buffer)
            } catch {
                transcript.error = "\(error.status.code) \(error.code)"
                break
            }
            if used < 0 || used > buffer.count { fuzzFailure("consumed \(used) of \(buffer.count) bytes") }
            buffer.removeFirst(used)
            if decoder.body.count > maxBody { fuzzFailure("body passed its \(maxBody)-byte limit") }
            if decoder.isComplete { break }
        }
        transcript.complete = decoder.isComplete
        transcript.body = decoder.body
        transcript.trailers = decoder.trailers.map { "\($0.name): \($0.value)" }
        if transcript.error == nil {
            transcript.leftover = buffer + pieces[next...].joined()
        }
        if transcript.complete {
            // Once complete, nothing more is consumed: the rest is the next message's.
            var again = decoder
            let used: Int
            do { used = try again.decode(transcript.leftover) } catch { fuzzFailure("a complete decoder threw \(error)") }
            if used != 0 { fuzzFailure("a complete decoder consumed \(used) more bytes") }
        }
        return transcript
    }
}
