import Engine

/// Signed download URLs: `PUBLIC/downloads/builds/NAMESPACE/ID/FILE?expires=UNIX_SECONDS&signature=HEX`,
/// where the signature is HMAC-SHA256 over `ID:EXPIRES` with the namespace's "downloads" secret
/// (derived from the server seed, so links stay valid across restarts and differ per namespace).
/// The namespace is in the path because a download carries no API key to derive it from.
struct DownloadLink {
    static let pathPrefix = "/downloads/builds"

    let engine: Engine
    let ttlSeconds: Int64

    func signer(namespace: String) -> HMACSigner {
        HMACSigner(secret: HMACSigner.namespaceSecret(seed: engine.seed, namespace: namespace, purpose: "downloads"))
    }

    static func message(id: String, expires: Int64) -> String { "\(id):\(expires)" }

    /// A link valid for `ttlSeconds` from `now` (the namespace clock), so each poll hands out a fresh one.
    func url(namespace: String, id: String, fileName: String, now: Timestamp) -> String {
        let expires = now.unixSeconds + ttlSeconds
        let signature = signer(namespace: namespace).hexSignature(Self.message(id: id, expires: expires))
        return "\(engine.publicURL)\(Self.pathPrefix)/\(namespace)/\(id)/\(fileName)?expires=\(expires)&signature=\(signature)"
    }

    /// Why a link was refused.
    enum Refusal: Equatable {
        case invalidSignature
        case expired(at: Int64)
    }

    /// Checks signature first, so a tampered expiry reads as tampering rather than as expiry.
    func check(namespace: String, id: String, expires: String?, signature: String?, now: Timestamp) -> Refusal? {
        guard let expires, let seconds = Int64(expires), let signature,
              signer(namespace: namespace).verify(hexSignature: signature, for: Self.message(id: id, expires: seconds)) else {
            return .invalidSignature
        }
        return now.unixSeconds >= seconds ? .expired(at: seconds) : nil
    }
}
