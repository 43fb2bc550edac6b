/// The `SCHEME SP REST` shape of an `Authorization` value (RFC 9110 §11.4), cut the way both the
/// namespace resolver and journal redaction need it, in byte work: both run on every request.
enum CredentialSyntax {
    /// Leading spaces skipped, the scheme runs to the first space, the rest is everything after that
    /// one space (possibly empty, possibly starting with more spaces): what
    /// `split(separator: " ", maxSplits: 1)` would cut. Nil when no space follows the scheme.
    static func split(_ value: String) -> (scheme: Range<String.Index>, rest: Range<String.Index>)? {
        let utf8 = value.utf8
        let space = UInt8(ascii: " ")
        var index = utf8.startIndex
        while index < utf8.endIndex, utf8[index] == space { index = utf8.index(after: index) }
        let schemeStart = index
        while index < utf8.endIndex, utf8[index] != space { index = utf8.index(after: index) }
        guard index < utf8.endIndex else { return nil }
        return (schemeStart..<index, utf8.index(after: index)..<utf8.endIndex)
    }
}
