/// A version string per Semantic Versioning 2.0.0 (https://semver.org), ordered by its §11.
/// Not `Comparable`: two versions differing only in build metadata have equal precedence but are
/// different strings, which `==` and `<` could not both express.
///
/// Numbers are kept as their digit strings: semver sets no upper bound, and since leading zeros are
/// forbidden (§2, §9), "longer is larger, else compare the digits" orders them exactly.
struct SemanticVersion: Sendable, CustomStringConvertible {
    /// One dot-separated pre-release identifier (§9).
    enum Identifier: Sendable {
        case numeric(String)
        case alphanumeric(String)
    }

    var major: String
    var minor: String
    var patch: String
    var preRelease: [Identifier]
    /// Build metadata (§10): kept for display, ignored by ordering and equality of precedence.
    var build: [String]
    let text: String

    var description: String { text }

    /// Nil unless `text` is exactly `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]` (no `v` prefix, no spaces).
    ///
    /// Reads the UTF-8 bytes (semver is ASCII): searching Characters cost a few µs of every build's
    /// creation (validation, and the version rule on the writer when an app is built again).
    init?(_ text: String) {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        self.text = text
        var rest = Substring(text)
        var buildPart: Substring?
        if let plus = rest.utf8.firstIndex(of: UInt8(ascii: "+")) {
            buildPart = rest[rest.utf8.index(after: plus)...]
            rest = rest[..<plus]
        }
        var prePart: Substring?
        if let dash = rest.utf8.firstIndex(of: UInt8(ascii: "-")) {
            prePart = rest[rest.utf8.index(after: dash)...]
            rest = rest[..<dash]
        }
        let core = Self.identifiers(rest)
        guard core.count == 3, core.allSatisfy(Self.isNumericIdentifier) else { return nil }
        major = String(core[0])
        minor = String(core[1])
        patch = String(core[2])
        preRelease = []
        if let prePart {
            // §9: "Identifiers MUST comprise only ASCII alphanumerics and hyphens [0-9A-Za-z-].
            // Identifiers MUST NOT be empty. Numeric identifiers MUST NOT include leading zeroes."
            for identifier in Self.identifiers(prePart) {
                guard !identifier.isEmpty, identifier.utf8.allSatisfy(Self.isIdentifierByte) else { return nil }
                if identifier.utf8.allSatisfy(Self.isDigit) {
                    guard Self.isNumericIdentifier(identifier) else { return nil }
                    preRelease.append(.numeric(String(identifier)))
                } else {
                    preRelease.append(.alphanumeric(String(identifier)))
                }
            }
        }
        build = []
        if let buildPart {
            // §10: same alphabet, not empty; leading zeros are allowed here.
            for identifier in Self.identifiers(buildPart) {
                guard !identifier.isEmpty, identifier.utf8.allSatisfy(Self.isIdentifierByte) else { return nil }
                build.append(String(identifier))
            }
        }
    }

    /// The dot-separated parts of `text`, empty ones included.
    private static func identifiers(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        for index in text.utf8.indices where text.utf8[index] == UInt8(ascii: ".") {
            parts.append(text[start..<index])
            start = text.utf8.index(after: index)
        }
        parts.append(text[start...])
        return parts
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    private static func isIdentifierByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D
    }

    /// §2: "a non-negative integer, and MUST NOT contain leading zeroes".
    private static func isNumericIdentifier(_ text: Substring) -> Bool {
        guard let first = text.utf8.first, text.utf8.allSatisfy(isDigit) else { return false }
        return first != 0x30 || text.utf8.count == 1
    }

    private static func compareNumbers(_ a: String, _ b: String) -> Int {
        if a.utf8.count != b.utf8.count { return a.utf8.count < b.utf8.count ? -1 : 1 }
        return a == b ? 0 : (a < b ? -1 : 1)
    }

    /// -1, 0 or 1 by precedence (§11); build metadata does not count.
    func compare(to other: SemanticVersion) -> Int {
        for (a, b) in [(major, other.major), (minor, other.minor), (patch, other.patch)] {
            let order = Self.compareNumbers(a, b)
            if order != 0 { return order }
        }
        // §11.3: "a pre-release version has lower precedence than a normal version".
        switch (preRelease.isEmpty, other.preRelease.isEmpty) {
        case (true, true): return 0
        case (true, false): return 1
        case (false, true): return -1
        case (false, false): break
        }
        // §11.4: identifier by identifier; numeric < alphanumeric; a longer list wins when all
        // preceding identifiers are equal.
        for (a, b) in zip(preRelease, other.preRelease) {
            let order: Int
            switch (a, b) {
            case (.numeric(let x), .numeric(let y)): order = Self.compareNumbers(x, y)
            case (.numeric, .alphanumeric): order = -1
            case (.alphanumeric, .numeric): order = 1
            // ASCII sort order: String comparison on ASCII text is by code point.
            case (.alphanumeric(let x), .alphanumeric(let y)): order = x == y ? 0 : (x < y ? -1 : 1)
            }
            if order != 0 { return order }
        }
        if preRelease.count == other.preRelease.count { return 0 }
        return preRelease.count < other.preRelease.count ? -1 : 1
    }
}
