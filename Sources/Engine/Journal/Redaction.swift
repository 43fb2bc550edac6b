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

    /// `headers` with each credential field cut to its scheme and first characters.
    public static func redacting(_ headers: HTTPHeaders) -> HTTPHeaders {
        guard headers.contains(where: { field in fieldNames.contains { HTTPHeaders.namesEqual($0, field.name) } }) else {
            return headers
        }
        return HTTPHeaders(headers.map { field in
            fieldNames.contains { HTTPHeaders.namesEqual($0, field.name) }
                ? (name: field.name, value: redact(field.value)) : field
        })
    }

    /// `Bearer abcdefghijklmnop` → `Bearer abcd…`; a value without a scheme keeps only its first characters.
    /// An already redacted value stays as it is, so redaction can run twice.
    public static func redact(_ value: String) -> String {
        if value.hasSuffix(ellipsis) { return value }
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        let scheme = parts.count == 2 ? String(parts[0]) + " " : ""
        let credential = parts.count == 2 ? parts[1] : Substring(value)
        let shown = credential.count >= shortestShown ? String(credential.prefix(shownCharacters)) : ""
        return scheme + shown + ellipsis
    }

    /// Whether a value is the output of `redact`.
    public static func isRedacted(_ value: String) -> Bool { value.hasSuffix(ellipsis) }
}
