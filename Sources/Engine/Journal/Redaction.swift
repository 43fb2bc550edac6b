public import HTTP

/// Hides credentials before anything is journaled: the journal is readable by anyone who can reach
/// `/__admin`, and session files get shared.
public enum Redaction {
    /// Fields whose values are credentials.
    public static let fieldNames = ["Authorization", "Proxy-Authorization"]
    /// The mark that ends a redacted value; replay looks for it to know a value was hidden.
    public static let ellipsis = "…"
    /// Credentials shorter than this show no characters at all: four characters of an eight-character
    /// secret would give away half of it.
    static let shortestShown = 12
    static let shownCharacters = 4

    /// `headers` with each credential field cut to its scheme and first characters. The journal
    /// redacts field by field as it encodes (`isCredentialField`), without this copy.
    public static func redacting(_ headers: HTTPHeaders) -> HTTPHeaders {
        guard headers.contains(where: { isCredentialField($0.name) }) else { return headers }
        return HTTPHeaders(headers.map { field in
            isCredentialField(field.name) ? (name: field.name, value: redact(field.value)) : field
        })
    }

    /// Whether a field's value is a credential to redact.
    public static func isCredentialField(_ name: String) -> Bool {
        fieldNames.contains { HTTPHeaders.namesEqual($0, name) }
    }

    /// `Bearer abcdefghijklmnop` → `Bearer abcd…`; a value without a scheme keeps only its first characters.
    /// An already redacted value stays as it is, so redaction can run twice.
    public static func redact(_ value: String) -> String {
        if value.hasSuffix(ellipsis) { return value }
        // Byte work: this runs for every journaled request that carries a token. Without a scheme
        // (or with nothing after it) the whole value counts as the credential.
        let parts = CredentialSyntax.split(value).flatMap { $0.rest.isEmpty ? nil : $0 }
        let scheme = parts.map { String(value[$0.scheme]) + " " } ?? ""
        let credential = parts.map { value[$0.rest] } ?? value[...]
        let shown: Substring
        if credential.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII: one byte per character, so counting and cutting need no grapheme breaking.
            shown = credential.utf8.count >= shortestShown ? credential.prefix(shownCharacters) : ""
        } else {
            shown = credential.count >= shortestShown ? credential.prefix(shownCharacters) : ""
        }
        return scheme + shown + ellipsis
    }

    /// Whether a value is the output of `redact`.
    public static func isRedacted(_ value: String) -> Bool { value.hasSuffix(ellipsis) }
}
