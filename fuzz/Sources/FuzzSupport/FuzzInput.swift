/// A fuzzer input read as a few control bytes followed by the payload under test. The control bytes
/// let libFuzzer steer the things a plain byte string cannot express (limits, how the payload is
/// split into reads), so its coverage feedback reaches those paths too.
public struct FuzzInput {
    public let control: [UInt8]
    public let payload: [UInt8]

    /// - Parameter controlBytes: how many leading bytes are control; missing ones read as zero.
    public init(_ data: UnsafePointer<UInt8>?, _ size: Int, controlBytes: Int) {
        let bytes: [UInt8] = if let data, size > 0 {
            Array(UnsafeBufferPointer(start: data, count: size))
        } else {
            []
        }
        let split = min(controlBytes, bytes.count)
        control = Array(bytes[..<split]) + [UInt8](repeating: 0, count: controlBytes - split)
        payload = Array(bytes[split...])
    }

    /// Cuts `payload` into the reads a socket might deliver: all at once, one byte at a time, or
    /// pieces of 1...`maxPiece` bytes drawn from `seed`.
    public static func pieces(of payload: [UInt8], mode: UInt8, seed: UInt16, maxPiece: Int = 64) -> [[UInt8]] {
        switch mode % 3 {
        case 0:
            return [payload]
        case 1:
            return payload.map { [$0] }
        default:
            var generator = SplitMix64(seed: UInt64(seed))
            var result: [[UInt8]] = []
            var index = 0
            while index < payload.count {
                let length = 1 + Int(generator.next() % UInt64(maxPiece))
                let end = min(payload.count, index + length)
                result.append(Array(payload[index..<end]))
                index = end
            }
            return result
        }
    }
}

/// SplitMix64 (Steele, Lea, Flood 2014): tiny and deterministic, so a crashing input replays the
/// same splits.
public struct SplitMix64 {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Stops the run with a message libFuzzer records next to the input that caused it.
public func fuzzFailure(_ message: String) -> Never {
    fatalError("fuzz invariant broken: \(message)")
}
