import Crypto

/// HMAC-SHA256 signatures (RFC 2104) for signed download URLs and webhook payloads, through
/// swift-crypto so that no hash code is ours.
public struct HMACSigner: Sendable {
    private let key: SymmetricKey

    public init(secret: String) {
        key = SymmetricKey(data: Array(secret.utf8))
    }

    /// Lowercase hex of HMAC-SHA256(secret, message).
    public func hexSignature(_ message: [UInt8]) -> String {
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: key)
        return mac.reduce(into: "") { text, byte in
            text += byte < 16 ? "0" + String(byte, radix: 16) : String(byte, radix: 16)
        }
    }

    public func hexSignature(_ message: String) -> String { hexSignature(Array(message.utf8)) }

    /// Constant-time check of a hex signature.
    public func verify(hexSignature candidate: String, for message: [UInt8]) -> Bool {
        let expected = Array(hexSignature(message).utf8)
        let given = Array(candidate.lowercased().utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for index in expected.indices { difference |= expected[index] ^ given[index] }
        return difference == 0
    }

    public func verify(hexSignature candidate: String, for message: String) -> Bool {
        verify(hexSignature: candidate, for: Array(message.utf8))
    }

    /// The secret a namespace's signatures use: derived from the server seed and the namespace, so
    /// it is stable across restarts and differs between namespaces.
    public static func namespaceSecret(seed: UInt64, namespace: String, purpose: String) -> String {
        let streams = RandomStreams(seed: seed, namespace: namespace)
        let words = (0..<4).map { streams.value("secret/" + purpose, index: UInt64($0)) }
        return "bmsec_" + words.map { String($0, radix: 16) }.joined()
    }
}
