import App
import BuildermockTesting
import Foundation
import HTTP
import JSON
import Testing

@Suite struct DownloadTests {
    /// A finished build's download path (path + query, relative to the server).
    func finishedBuild(_ app: TestApp, _ body: JSONValue = buildBody()) async throws -> (id: String, path: String) {
        let id = try await app.createdBuildID(body)
        try await app.advance("7m", namespace: namespaceT)
        let url = try #require(await app.build(id)?[path: "downloadUrl"]?.stringValue)
        return (id, String(url.dropFirst("http://127.0.0.1:8080".count)))
    }

    func unzip(_ bytes: [UInt8], member: String) throws -> (Int32, String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("artifact-\(UUID().uuidString).zip")
        try Data(bytes).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try runPython("""
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            assert z.testzip() is None
            info = z.getinfo(sys.argv[2])
            assert info.compress_type == zipfile.ZIP_DEFLATED
            sys.stdout.write(" ".join(z.namelist()) + "\\n" + str(info.date_time) + "\\n")
            sys.stdout.write(z.read(sys.argv[2]).decode("utf-8"))
            """, [file.path, member])
    }

    @Test func androidArtifact_isAValidZipWithTheManifest() async throws {
        let app = try TestApp()
        let (id, path) = try await finishedBuild(app, buildBody(["appName": "My Demo", "permissions": ["camera", "gps"]]))
        #expect(path.contains("/\(id)/My-Demo.apk?"))
        let response = await app.request(.get, path, headers: [:])
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Type"] == "application/vnd.android.package-archive")
        #expect(response.headers["Content-Disposition"] == "attachment; filename=\"My-Demo.apk\"")
        #expect(response.headers["Content-Length"] == String(response.body.count))
        #expect(response.headers["Accept-Ranges"] == "bytes")
        #expect(response.headers["ETag"]?.hasPrefix("\"") == true)
        #expect(response.body.prefix(4) == [0x50, 0x4B, 0x03, 0x04])
        let (status, output) = try unzip(response.body, member: "manifest.json")
        #expect(status == 0, "\(output)")
        let lines = output.split(separator: "\n", maxSplits: 2).map(String.init)
        #expect(lines[0] == "manifest.json assets/www/index.html")
        #expect(lines[1] == "(2026, 1, 1, 0, 3, 10)")  // the build's finishedAt
        let manifest = try #require(JSONValue.parse(lines[2]))
        #expect(manifest[path: "appName"] == "My Demo")
        #expect(manifest[path: "bundleId"] == "com.example.demo")
        #expect(manifest[path: "version"] == "1.0.0")
        #expect(manifest[path: "permissions"] == ["camera", "gps"])
        #expect(manifest[path: "url"] == "https://example.com")
    }

    @Test func iosArtifact_holdsInfoPlist() async throws {
        let app = try TestApp()
        let (_, path) = try await finishedBuild(app, buildBody(["platform": "ios", "version": "2.1.0-beta.1",
                                                                "permissions": ["camera", "notifications"]]))
        let response = await app.request(.get, path, headers: [:])
        #expect(response.status.code == 200)
        #expect(response.headers["Content-Type"] == "application/octet-stream")
        #expect(response.headers["Content-Disposition"] == "attachment; filename=\"Demo.ipa\"")
        let (status, output) = try unzip(response.body, member: "Payload/Demo.app/Info.plist")
        #expect(status == 0, "\(output)")
        let (plistStatus, plist) = try runPython("""
            import sys, plistlib
            p = plistlib.loads(sys.argv[1].encode())
            print(p["CFBundleIdentifier"], p["CFBundleShortVersionString"], p["CFBundleVersion"], p["CFBundleName"],
                  "NSCameraUsageDescription" in p, p["UIBackgroundModes"])
            """, [String(output.split(separator: "\n", maxSplits: 2)[2])])
        #expect(plistStatus == 0, "\(plist)")
        #expect(plist == "com.example.demo 2.1.0 2.1.0-beta.1 Demo True ['remote-notification']\n")
    }

    @Test func artifact_isDeterministic() async throws {
        let first = try TestApp()
        let second = try TestApp()
        let (_, path1) = try await finishedBuild(first)
        let (_, path2) = try await finishedBuild(second)
        #expect(path1 == path2)
        let a = await first.request(.get, path1, headers: [:])
        let b = await second.request(.get, path2, headers: [:])
        #expect(a.body == b.body && !a.body.isEmpty)
        #expect(a.headers["ETag"] == b.headers["ETag"])
    }

    @Test func link_expiresWithTheNamespaceClock() async throws {
        let app = try TestApp()
        let (_, path) = try await finishedBuild(app)
        try await app.advance("59m59s", namespace: namespaceT)
        #expect(await app.request(.get, path, headers: [:]).status.code == 200)
        try await app.advance("1s", namespace: namespaceT)
        let expired = await app.request(.get, path, headers: [:])
        #expect(expired.status.code == 403)
        #expect(expired.errorCode == "link_expired")
        #expect(expired.headers["Content-Type"] == "application/json")
    }

    @Test func freshPoll_handsOutAFreshLink() async throws {
        let app = try TestApp()
        let (id, _) = try await finishedBuild(app)
        try await app.advance("2h", namespace: namespaceT)
        let url = try #require(await app.build(id)?[path: "downloadUrl"]?.stringValue)
        #expect(await app.request(.get, String(url.dropFirst("http://127.0.0.1:8080".count)), headers: [:]).status.code == 200)
    }

    @Test func tamperedLinks_are403() async throws {
        let app = try TestApp()
        let (id, path) = try await finishedBuild(app)
        let other = try await app.createdBuildID(buildBody(["version": "9.0.0"]))
        let expires = try #require(path.range(of: "expires=").map { path[$0.upperBound...].prefix { $0 != "&" } })
        let later = String(Int(expires)! + 100_000)
        let signature = try #require(path.range(of: "signature=").map { String(path[$0.upperBound...]) })
        let flipped = (signature.first == "0" ? "1" : "0") + signature.dropFirst()
        let tampered = [
            path.replacingOccurrences(of: "expires=\(expires)", with: "expires=\(later)"),
            path.replacingOccurrences(of: signature, with: flipped),
            path.replacingOccurrences(of: "/\(id)/", with: "/\(other)/"),
            path.replacingOccurrences(of: namespaceT, with: "someone-else"),
            String(path.prefix { $0 != "?" }),
            path.replacingOccurrences(of: "&signature=\(signature)", with: ""),
        ]
        for candidate in tampered {
            let response = await app.request(.get, candidate, headers: [:])
            #expect(response.status.code == 403, "\(candidate)")
            #expect(response.errorCode == "invalid_signature")
        }
        // A valid signature for the wrong file name is not a way in either.
        let renamed = await app.request(.get, path.replacingOccurrences(of: "Demo.apk", with: "Other.apk"), headers: [:])
        #expect(renamed.status.code == 404)
    }

    @Test func range_servesPartialContent() async throws {
        let app = try TestApp()
        let (_, path) = try await finishedBuild(app)
        let whole = await app.request(.get, path, headers: [:]).body
        let length = whole.count

        let head = await app.request(.get, path, headers: ["Range": "bytes=0-9"])
        #expect(head.status.code == 206)
        #expect(head.body == Array(whole[0...9]))
        #expect(head.headers["Content-Range"] == "bytes 0-9/\(length)")
        #expect(head.headers["Content-Length"] == "10")

        let tail = await app.request(.get, path, headers: ["Range": "bytes=-22"])
        #expect(tail.status.code == 206)
        #expect(tail.body == Array(whole[(length - 22)...]))  // the end-of-central-directory record
        #expect(tail.body.prefix(4) == [0x50, 0x4B, 0x05, 0x06])

        let open = await app.request(.get, path, headers: ["Range": "bytes=100-"])
        #expect(open.body == Array(whole[100...]))
        #expect(open.headers["Content-Range"] == "bytes 100-\(length - 1)/\(length)")

        let clipped = await app.request(.get, path, headers: ["Range": "bytes=\(length - 5)-99999"])
        #expect(clipped.body == Array(whole[(length - 5)...]))

        let unsatisfiable = await app.request(.get, path, headers: ["Range": "bytes=\(length)-"])
        #expect(unsatisfiable.status.code == 416)
        #expect(unsatisfiable.headers["Content-Range"] == "bytes */\(length)")
        #expect(unsatisfiable.errorCode == "range_not_satisfiable")

        for ignored in ["bytes=0-1,5-6", "items=0-5", "bytes=9-3", "bytes=x-"] {
            let response = await app.request(.get, path, headers: ["Range": ignored])
            #expect(response.status.code == 200, "\(ignored)")
            #expect(response.body == whole)
        }
        let etag = try #require(head.headers["ETag"])
        #expect(await app.request(.get, path, headers: ["Range": "bytes=0-9", "If-Range": etag]).status.code == 206)
        #expect(await app.request(.get, path, headers: ["Range": "bytes=0-9", "If-Range": "\"old\""]).status.code == 200)
        let notModified = await app.request(.get, path, headers: ["If-None-Match": etag])
        #expect(notModified.status.code == 304 && notModified.body.isEmpty)
    }

    @Test func unfinishedBuild_hasNoDownload() async throws {
        let app = try TestApp()
        let id = try await app.createdBuildID()
        #expect(await app.build(id)?[path: "downloadUrl"] == nil)
    }
}
