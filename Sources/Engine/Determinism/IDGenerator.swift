/// Deterministic identifiers: the same (seed, namespace, counter) always gives the same id, so ids
/// can be regenerated from a counter persisted in SQLite and replays are byte-identical.
///
/// Stateless by design: the engine owns the counters (one per prefix, in the namespace's row) and
/// passes the next value in. Each kind of id draws from its own stream (`ids/uuid`, `ids/bld_`), so
/// issuing one kind never shifts another.
public enum IDGenerator {
    static let base36: [UInt8] = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)
    static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    /// A lowercase RFC 9562 version-4-shaped UUID, `xxxxxxxx-xxxx-4xxx-[89ab]xxx-xxxxxxxxxxxx`.
    public static func uuid(seed: UInt64, namespace: String, counter: UInt64) -> String {
        let streams = RandomStreams(seed: seed, namespace: namespace)
        // Two 64-bit words per UUID: indices 2c and 2c+1 of the stream, so counters never overlap.
        var high = streams.value("ids/uuid", index: counter &* 2)
        var low = streams.value("ids/uuid", index: counter &* 2 &+ 1)
        high = (high & ~0x0000_0000_0000_F000) | 0x0000_0000_0000_4000  // version 4 (RFC 9562 §5.4)
        low = (low & ~0xC000_0000_0000_0000) | 0x8000_0000_0000_0000    // variant 10xx (RFC 9562 §4.1)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(36)
        for (index, shift) in stride(from: 60, through: 0, by: -4).enumerated() {
            if index == 8 || index == 12 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(hex[Int((high >> UInt64(shift)) & 0xF)])
        }
        for (index, shift) in stride(from: 60, through: 0, by: -4).enumerated() {
            if index == 0 || index == 4 { bytes.append(UInt8(ascii: "-")) }
            bytes.append(hex[Int((low >> UInt64(shift)) & 0xF)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `prefix` followed by `length` lowercase base-36 characters, e.g. `bld_k3v9x0q2m7ab`.
    /// The prefix is part of the stream name, so `bld_` and `dep_` ids with the same counter differ.
    public static func id(prefix: String, seed: UInt64, namespace: String, counter: UInt64, length: Int = 12) -> String {
        prefix + token(stream: "ids/" + prefix, alphabet: base36, seed: seed, namespace: namespace, counter: counter, length: length)
    }

    /// `length` lowercase hex characters, e.g. the 4-hex suffix of a Builder.io branch name.
    public static func hexToken(stream: String, seed: UInt64, namespace: String, counter: UInt64, length: Int) -> String {
        token(stream: stream, alphabet: hex, seed: seed, namespace: namespace, counter: counter, length: length)
    }

    /// `length` characters from `alphabet`, drawn from stream `stream` at position `counter`.
    /// Each character takes one 64-bit value modulo the alphabet size; the bias (< 2⁻⁵⁸ for 36
    /// symbols) is far below anything a test could observe.
    static func token(stream: String, alphabet: [UInt8], seed: UInt64, namespace: String, counter: UInt64,
                      length: Int) -> String {
        precondition(length > 0 && length <= 64, "token length must be 1...64")
        var generator = RandomStreams(seed: seed, namespace: namespace).stream(stream, index: counter)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(length)
        for _ in 0..<length {
            bytes.append(alphabet[Int(generator.next() % UInt64(alphabet.count))])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
