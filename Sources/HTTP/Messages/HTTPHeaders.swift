/// Header fields in arrival order. Names keep their spelling; lookup ignores case (RFC 9110 §5.1),
/// and repeated fields are kept as separate entries (RFC 9110 §5.3).
public struct HTTPHeaders: Sendable, Sequence, ExpressibleByDictionaryLiteral, Equatable {
    public typealias Element = (name: String, value: String)
    public private(set) var fields: [Element]

    public init() { fields = [] }
    public init(_ fields: [Element]) { self.fields = fields }
    /// Empty, with room for `capacity` fields (the parser's hot path).
    public init(reservingCapacity capacity: Int) {
        fields = []
        fields.reserveCapacity(capacity)
    }
    public init(dictionaryLiteral elements: (String, String)...) {
        fields = elements.map { (name: $0.0, value: $0.1) }
    }

    public static func == (lhs: HTTPHeaders, rhs: HTTPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0.name == $1.name && $0.value == $1.value }
    }

    public var count: Int { fields.count }
    public func makeIterator() -> IndexingIterator<[Element]> { fields.makeIterator() }

    /// The first value of `name`, ignoring case.
    public subscript(name: String) -> String? {
        for field in fields where Self.namesEqual(field.name, name) { return field.value }
        return nil
    }

    /// Every value of `name`, in arrival order.
    public func values(for name: String) -> [String] {
        fields.compactMap { Self.namesEqual($0.name, name) ? $0.value : nil }
    }

    public func contains(_ name: String) -> Bool { self[name] != nil }

    public mutating func add(_ name: String, _ value: String) { fields.append((name: name, value: value)) }

    /// Replaces every value of `name` with one value.
    public mutating func set(_ name: String, _ value: String) {
        remove(name)
        fields.append((name: name, value: value))
    }

    public mutating func remove(_ name: String) {
        fields.removeAll { Self.namesEqual($0.name, name) }
    }

    /// Whether any `name` field lists `token` (comma-separated, OWS trimmed, ASCII case ignored),
    /// as in `Connection: keep-alive, Upgrade` (RFC 9110 §5.6.1).
    public func containsToken(_ token: String, for name: String) -> Bool {
        for field in fields where Self.namesEqual(field.name, name) {
            let utf8 = field.value.utf8
            var start = utf8.startIndex
            while start < utf8.endIndex {
                let end = utf8[start...].firstIndex(of: UInt8(ascii: ",")) ?? utf8.endIndex
                var first = start, last = end
                while first < last, utf8[first] == 0x20 || utf8[first] == 0x09 { first = utf8.index(after: first) }
                while last > first {
                    let before = utf8.index(before: last)
                    guard utf8[before] == 0x20 || utf8[before] == 0x09 else { break }
                    last = before
                }
                if Self.bytesEqualIgnoringCase(utf8[first..<last], token.utf8) { return true }
                start = end < utf8.endIndex ? utf8.index(after: end) : end
            }
        }
        return false
    }

    private static func bytesEqualIgnoringCase(_ a: Substring.UTF8View, _ b: String.UTF8View) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) where x != y {
            let lower = x | 0x20
            if lower != y | 0x20 || lower < UInt8(ascii: "a") || lower > UInt8(ascii: "z") { return false }
        }
        return true
    }

    /// ASCII case-insensitive comparison without allocating lowercased copies (hot path).
    @inlinable
    public static func namesEqual(_ a: String, _ b: String) -> Bool {
        // O(1) for native strings, and most names a lookup passes differ in length.
        guard a.utf8.count == b.utf8.count else { return false }
        var ai = a.utf8.makeIterator(), bi = b.utf8.makeIterator()
        while true {
            let x = ai.next(), y = bi.next()
            guard let x, let y else { return x == nil && y == nil }
            if x == y { continue }
            if x | 0x20 != y | 0x20 { return false }
            // Only letters may differ by the 0x20 bit.
            let lower = x | 0x20
            if lower < UInt8(ascii: "a") || lower > UInt8(ascii: "z") { return false }
        }
    }
}
