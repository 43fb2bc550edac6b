/// A hash that is the same in every process and on every platform, for deriving seeds from names.
///
/// Swift's `Hasher` is seeded randomly per process, so the same namespace would get different ids on
/// each run; FNV-1a (64-bit, http://www.isthe.com/chongo/tech/comp/fnv/) is fixed and simple.
public enum StableHash {
    static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// FNV-1a over the UTF-8 bytes of `text`.
    public static func fnv1a64(_ text: String) -> UInt64 {
        fnv1a64(text.utf8)
    }

    public static func fnv1a64(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash &*= prime
        }
        return hash
    }

    /// Hashes several parts unambiguously: each is length-prefixed, so ("ab", "c") ≠ ("a", "bc").
    public static func fnv1a64(parts: [String]) -> UInt64 {
        var bytes: [UInt8] = []
        for part in parts {
            let utf8 = Array(part.utf8)
            withUnsafeBytes(of: UInt32(utf8.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: utf8)
        }
        return fnv1a64(bytes)
    }
}
