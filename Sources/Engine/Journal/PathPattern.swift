
/// A path pattern for journal filters: `*` matches any run of characters (slashes included) and
/// everything else matches itself, so `/api/v1/builders/*` finds every builder call. A pattern
/// without `*` must match the whole path.
public struct PathPattern: Sendable, Hashable {
    public let text: String
    private let parts: [Substring]

    public init(_ text: String) {
        self.text = text
        parts = text.split(separator: "*", omittingEmptySubsequences: false)
    }

    public func matches(_ path: String) -> Bool {
        guard parts.count > 1 else { return path == text }
        var rest = Substring(path)
        guard rest.hasPrefix(parts[0]) else { return false }
        rest = rest.dropFirst(parts[0].count)
        // Greedy from the left is right for `*` globs: taking each middle literal at its first
        // occurrence leaves the most room for the ones after it.
        for part in parts.dropFirst().dropLast() where !part.isEmpty {
            guard let range = rest.firstRange(of: part) else { return false }
            rest = rest[range.upperBound...]
        }
        let last = parts[parts.count - 1]
        return rest.count >= last.count && rest.hasSuffix(last)
    }
}
