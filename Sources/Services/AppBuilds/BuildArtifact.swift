import Engine
import HTTP
import JSON

/// The binary a successful build produces: a real zip, deterministic from the build's request and
/// finish time. Android: `NAME.apk` holding `manifest.json` (app name, bundle id, version,
/// permissions, url) and a start page; iOS: `NAME.ipa` holding `Payload/NAME.app/Info.plist`.
/// Neither would install on a device: they are what a pipeline downloads, unzips and inspects.
struct BuildArtifact {
    var fileName: String
    var contentType: String
    var bytes: [UInt8]
    /// Strong validator: CRC-32 and length of the bytes (RFC 9110 §8.8.3).
    var etag: String

    /// The file name a build's download has: its app name reduced to letters, digits, `.`, `_`
    /// and `-` (so it needs no quoting in a URL or in Content-Disposition) plus the platform's extension.
    static func fileName(appName: String, platform: String) -> String {
        "\(baseName(appName)).\(platform == "ios" ? "ipa" : "apk")"
    }

    static func baseName(_ appName: String) -> String {
        var name = ""
        var pendingDash = false
        for scalar in appName.unicodeScalars {
            let v = scalar.value
            let keep = (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A)
                || v == 0x2E || v == 0x5F || v == 0x2D
            if keep {
                if pendingDash && !name.isEmpty { name += "-" }
                pendingDash = false
                name.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
        }
        while name.hasPrefix(".") { name.removeFirst() }
        return name.isEmpty ? "app" : name
    }

    init(job: Job) throws {
        let request = job.request
        let appName = request[path: "appName"]?.stringValue ?? ""
        let bundleId = request[path: "bundleId"]?.stringValue ?? ""
        let version = request[path: "version"]?.stringValue ?? ""
        let url = request[path: "url"]?.stringValue ?? ""
        let platform = request[path: "platform"]?.stringValue ?? "android"
        var permissions: [String] = []
        if case .array(let items)? = request[path: "permissions"] { permissions = items.compactMap(\.stringValue) }
        let finishedAt = job.finishedAt ?? job.updatedAt
        let base = Self.baseName(appName)
        fileName = Self.fileName(appName: appName, platform: platform)
        var zip = ZipArchive(modified: ZipArchive.DOSTimestamp(iso8601: finishedAt.iso8601))
        let manifest: JSONValue = [
            "appName": .string(appName), "bundleId": .string(bundleId), "version": .string(version),
            "permissions": .array(permissions.map(JSONValue.string)), "url": .string(url),
            "platform": .string(platform), "buildId": .string(job.id), "builtAt": .string(finishedAt.iso8601),
        ]
        if platform == "ios" {
            contentType = "application/octet-stream"
            zip.add("Payload/\(base).app/Info.plist",
                    Array(Self.infoPlist(appName: appName, bundleId: bundleId, version: version, url: url,
                                         permissions: permissions, executable: base).utf8))
        } else {
            contentType = "application/vnd.android.package-archive"
            zip.add("manifest.json", Array((manifest.serialized() + "\n").utf8))
            zip.add("assets/www/index.html", Array(Self.startPage(appName: appName, url: url).utf8))
        }
        bytes = try zip.bytes()
        let crc = String(Deflate.crc32(bytes), radix: 16)
        etag = "\"" + String(repeating: "0", count: 8 - crc.count) + crc + "-" + String(bytes.count, radix: 16) + "\""
    }

    /// The wrapper's start page: the web app in a full-screen frame.
    static func startPage(appName: String, url: String) -> String {
        """
        <!doctype html>
        <html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(xmlEscaped(appName))</title></head>
        <body style="margin:0"><iframe src="\(xmlEscaped(url))" style="border:0;width:100vw;height:100vh"></iframe></body></html>

        """
    }

    /// Usage-description keys iOS requires for each permission (Apple's Information Property List
    /// reference); permissions without one (notifications) need no key.
    static let usageKeys: [String: String] = [
        "camera": "NSCameraUsageDescription",
        "gps": "NSLocationWhenInUseUsageDescription",
        "location": "NSLocationWhenInUseUsageDescription",
        "microphone": "NSMicrophoneUsageDescription",
        "contacts": "NSContactsUsageDescription",
        "photos": "NSPhotoLibraryUsageDescription",
        "bluetooth": "NSBluetoothAlwaysUsageDescription",
        "calendar": "NSCalendarsUsageDescription",
        "biometrics": "NSFaceIDUsageDescription",
    ]

    /// An XML property list (Apple's PropertyList-1.0 DTD), keys in a fixed order.
    static func infoPlist(appName: String, bundleId: String, version: String, url: String,
                          permissions: [String], executable: String) -> String {
        var pairs: [(String, String)] = [
            ("CFBundleDisplayName", appName),
            ("CFBundleExecutable", executable),
            ("CFBundleIdentifier", bundleId),
            ("CFBundleName", appName),
            ("CFBundlePackageType", "APPL"),
            // CFBundleShortVersionString is MAJOR.MINOR.PATCH only; the full semver stays in CFBundleVersion.
            ("CFBundleShortVersionString", String(version.prefix { $0 != "-" && $0 != "+" })),
            ("CFBundleVersion", version),
            ("CapwrapperStartURL", url),
        ]
        var seen = Set<String>()
        for permission in permissions {
            guard let key = usageKeys[permission], seen.insert(key).inserted else { continue }
            pairs.append((key, "\(appName) uses your \(permission)."))
        }
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">
            <dict>

            """
        for (key, value) in pairs {
            text += "\t<key>\(key)</key>\n\t<string>\(xmlEscaped(value))</string>\n"
        }
        if permissions.contains("notifications") {
            text += "\t<key>UIBackgroundModes</key>\n\t<array>\n\t\t<string>remote-notification</string>\n\t</array>\n"
        }
        text += "</dict>\n</plist>\n"
        return text
    }

    static func xmlEscaped(_ text: String) -> String { MarkupText.escape(text) }
}
