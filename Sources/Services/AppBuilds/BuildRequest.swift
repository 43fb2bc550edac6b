import JSON

/// The body of `POST /api/v1/builds`, validated. Rules: API.md §D and issue 7; where the vendor is
/// silent the choice is marked *inferred* here and in docs/API-APPBUILDS.md.
struct BuildRequest: Sendable {
    enum Platform: String, Sendable {
        case android, ios
    }

    var url: String
    var appName: String
    var bundleId: String
    var version: SemanticVersion
    var permissions: [String]
    var platform: Platform

    /// Documented: camera, gps, notifications ("and others"); the rest are our *inferred* extras.
    static let knownPermissions: Set<String> = [
        "camera", "gps", "notifications",
        "microphone", "contacts", "photos", "location", "bluetooth", "calendar", "biometrics",
    ]
    /// *Inferred*: the vendor says "display name"; 100 characters is what the home screen and the
    /// store listings can show at most (Play allows 30 for the title, so this is generous).
    static let maximumAppNameLength = 100
    /// Android's applicationId and Apple's CFBundleIdentifier both stop at 155 characters.
    static let maximumBundleIdLength = 155

    /// The document the engine stores as the job's request; scenario match rules read it
    /// (`platform` equals `ios` picks the iOS timings).
    var json: JSONValue {
        [
            "url": .string(url), "appName": .string(appName), "bundleId": .string(bundleId),
            "version": .string(version.text), "platform": .string(platform.rawValue),
            "permissions": .array(permissions.map(JSONValue.string)),
        ]
    }

    /// Validates a parsed body. Unknown fields are ignored (API.md common rules).
    init(body: JSONValue, settings: AppBuildsSettings) throws(AppBuildsError) {
        guard case .object(let fields) = body else { throw AppBuildsError.notAnObject }
        url = try Self.requiredString(fields, "url")
        try WebAppURL.validate(url, allowPrivate: settings.allowPrivateURLs)

        appName = try Self.requiredString(fields, "appName")
        let trimmed = appName.trimmingSpaces
        guard !trimmed.isEmpty else { throw AppBuildsError.invalidField("appName", "`appName` must not be blank.") }
        guard appName.count <= Self.maximumAppNameLength else {
            throw AppBuildsError.invalidField("appName", "`appName` must be at most \(Self.maximumAppNameLength) characters (got \(appName.count)).")
        }
        guard !appName.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw AppBuildsError.invalidField("appName", "`appName` must not contain control characters.")
        }

        bundleId = try Self.requiredString(fields, "bundleId")
        try Self.validateBundleId(bundleId, strict: settings.strict)

        let versionText = try Self.requiredString(fields, "version")
        guard let version = SemanticVersion(versionText) else {
            throw AppBuildsError.invalidField("version",
                "`version` must be a semantic version MAJOR.MINOR.PATCH such as \"1.2.0\" (https://semver.org), got \"\(versionText)\".")
        }
        self.version = version

        switch fields["permissions"] {
        case nil, .null?:
            permissions = []
        case .array(let items)?:
            var names: [String] = []
            for item in items {
                guard case .string(let name) = item, !name.isEmpty else {
                    throw AppBuildsError.invalidField("permissions", "`permissions` must be an array of non-empty strings.")
                }
                if settings.strict, !Self.knownPermissions.contains(name) {
                    throw AppBuildsError.invalidField("permissions",
                        "Unknown permission \"\(name)\"; accepted: \(Self.knownPermissions.sorted().joined(separator: ", ")).")
                }
                names.append(name)
            }
            permissions = names
        default:
            throw AppBuildsError.invalidField("permissions", "`permissions` must be an array of strings.")
        }

        switch fields["platform"] {
        case nil, .null?:
            platform = .android
        case .string(let name)?:
            guard let platform = Platform(rawValue: name) else {
                throw AppBuildsError.invalidField("platform", "`platform` must be \"android\" or \"ios\", got \"\(name)\".")
            }
            self.platform = platform
        default:
            throw AppBuildsError.invalidField("platform", "`platform` must be \"android\" or \"ios\".")
        }
    }

    static func requiredString(_ fields: [String: JSONValue], _ name: String) throws(AppBuildsError) -> String {
        switch fields[name] {
        case nil, .null?:
            throw AppBuildsError.invalidField(name, "`\(name)` is required.")
        case .string(let text)?:
            return text
        default:
            throw AppBuildsError.invalidField(name, "`\(name)` must be a string.")
        }
    }

    /// Reverse-DNS: at least two dot-separated segments, each starting with a letter. Lenient mode
    /// takes what Android's applicationId and Apple's bundle id accept between them (letters of either
    /// case, digits, `_`, `-`); strict mode only what the vendor's configuration page allows:
    /// lowercase letters, digits and periods.
    static func validateBundleId(_ id: String, strict: Bool) throws(AppBuildsError) {
        let example = "reverse-DNS notation such as \"com.example.myapp\""
        guard !id.isEmpty, id.utf8.count <= maximumBundleIdLength else {
            throw AppBuildsError.invalidField("bundleId", "`bundleId` must be 1–\(maximumBundleIdLength) characters in \(example).")
        }
        let segments = id.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard segments.count >= 2 else {
            throw AppBuildsError.invalidField("bundleId", "`bundleId` \"\(id)\" must have at least two segments, in \(example).")
        }
        for segment in segments {
            guard let first = segment.first else {
                throw AppBuildsError.invalidField("bundleId", "`bundleId` \"\(id)\" has an empty segment; use \(example).")
            }
            let isLower = { (b: UInt8) in b >= 0x61 && b <= 0x7A }
            let isUpper = { (b: UInt8) in b >= 0x41 && b <= 0x5A }
            let isDigit = { (b: UInt8) in b >= 0x30 && b <= 0x39 }
            if strict {
                guard isLower(first), segment.allSatisfy({ isLower($0) || isDigit($0) }) else {
                    throw AppBuildsError.invalidField("bundleId",
                        "`bundleId` \"\(id)\" may only contain lowercase letters, digits and periods, each segment starting with a letter.")
                }
            } else {
                guard isLower(first) || isUpper(first),
                      segment.allSatisfy({ isLower($0) || isUpper($0) || isDigit($0) || $0 == 0x5F || $0 == 0x2D }) else {
                    throw AppBuildsError.invalidField("bundleId",
                        "`bundleId` \"\(id)\" must be \(example): segments of letters, digits, '_' or '-', each starting with a letter.")
                }
            }
        }
    }
}

extension String {
    var trimmingSpaces: Substring {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return text
    }
}
