/// A `Range: bytes=…` request (RFC 9110 §14.1.2) resolved against a representation's length.
/// One range only: for several, a server may ignore the header (§14.2) and send the whole body,
/// which keeps us out of multipart/byteranges.
enum ByteRange: Equatable {
    /// Serve the whole representation (no header, an unparsable one, or several ranges).
    case whole
    /// Serve bytes `lower...upper`.
    case partial(lower: Int, upper: Int)
    /// 416: no byte of the representation falls in the range.
    case unsatisfiable

    init(header: String?, length: Int) {
        guard let header else { self = .whole; return }
        let trimmed = header.trimmingSpaces
        guard trimmed.lowercased().hasPrefix("bytes=") else { self = .whole; return }
        let spec = trimmed.dropFirst("bytes=".count)
        guard !spec.contains(","), let dash = spec.firstIndex(of: "-") else { self = .whole; return }
        let first = spec[..<dash].trimmingSpacesSub
        let last = spec[spec.index(after: dash)...].trimmingSpacesSub
        func number(_ text: Substring) -> Int? {
            guard !text.isEmpty, text.allSatisfy(\.isASCIIDigit) else { return nil }
            // More digits than an Int holds is still a valid (huge) position.
            return Int(text) ?? Int.max
        }
        if first.isEmpty {
            // suffix-range "-N": the last N bytes.
            guard let count = number(last) else { self = .whole; return }
            guard count > 0, length > 0 else { self = .unsatisfiable; return }
            self = .partial(lower: max(0, length - count), upper: length - 1)
            return
        }
        guard let lower = number(first) else { self = .whole; return }
        var upper = length - 1
        if !last.isEmpty {
            guard let end = number(last), end >= lower else { self = .whole; return }
            upper = min(end, length - 1)
        }
        // §14.1.2: satisfiable only if the first position is less than the length.
        guard lower < length else { self = .unsatisfiable; return }
        self = .partial(lower: lower, upper: upper)
    }
}

extension Substring {
    var trimmingSpacesSub: Substring {
        var text = self
        while let first = text.first, first == " " || first == "\t" { text.removeFirst() }
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
