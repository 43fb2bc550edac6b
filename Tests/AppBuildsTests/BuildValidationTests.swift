import App
import BuildermockTesting
import HTTP
import JSON
import Testing

@Suite struct BuildValidationTests {
    @Test func create_answers201WithTheDocumentedShape() async throws {
        let app = try TestApp()
        let response = await app.createBuild(buildBody(["permissions": ["camera", "gps"]]))
        #expect(response.status.code == 201)
        let json = try #require(response.json)
        let id = try #require(json[path: "id"]?.stringValue)
        #expect(id.hasPrefix("bld_"))
        #expect(json[path: "status"] == "queued")
        #expect(json[path: "createdAt"] == "2026-01-01T00:00:00.000Z")
        #expect(json[path: "url"] == "https://example.com")
        #expect(json[path: "appName"] == "Demo")
        #expect(json[path: "bundleId"] == "com.example.demo")
        #expect(json[path: "version"] == "1.0.0")
        #expect(json[path: "platform"] == "android")
        #expect(json[path: "permissions"] == ["camera", "gps"])
        #expect(json[path: "finishedAt"] == nil && json[path: "downloadUrl"] == nil && json[path: "error"] == nil)
        #expect(response.headers["Date"] == "Thu, 01 Jan 2026 00:00:00 GMT")
        #expect(response.headers["Content-Type"] == "application/json")
    }

    @Test func platform_defaultsToAndroid_andPermissionsToNone() async throws {
        let app = try TestApp()
        let json = try #require(await app.createBuild(buildBody(["platform": nil])).json)
        #expect(json[path: "platform"] == "android")
        #expect(json[path: "permissions"] == [])
    }

    @Test func v1Prefix_servesTheSameAPI() async throws {
        let app = try TestApp()
        let created = await app.createBuild(buildBody(), path: "/v1/builds")
        #expect(created.status.code == 201)
        let id = try #require(created.json?[path: "id"]?.stringValue)
        let fetched = await app.request(.get, "/v1/builds/\(id)", token: "t")
        #expect(fetched.status.code == 200)
        #expect(fetched.json?[path: "id"]?.stringValue == id)
        #expect(await app.request(.get, "/api/v1/builds/\(id)", token: "t").status.code == 200)
    }

    @Test(arguments: [
        ("url", nil), ("appName", nil), ("bundleId", nil), ("version", nil),
    ] as [(String, JSONValue?)])
    func requiredField_missing_is400NamingIt(_ field: String, _ value: JSONValue?) async throws {
        let app = try TestApp()
        let response = await app.createBuild(buildBody([field: value]))
        #expect(response.status.code == 400)
        #expect(response.errorCode == "invalid_\(field)")
        #expect(response.errorMessage.contains(field))
    }

    @Test(arguments: ["url", "appName", "bundleId", "version", "platform", "permissions"])
    func field_ofTheWrongType_is400(_ field: String) async throws {
        let app = try TestApp()
        let response = await app.createBuild(buildBody([field: .int(7)]))
        #expect(response.status.code == 400)
        #expect(response.errorCode == "invalid_\(field)")
    }

    @Test(arguments: ["{", "", "[1,2", "{\"url\": }", "nul"])
    func malformedJSON_is400(_ body: String) async throws {
        let app = try TestApp()
        let response = await app.request(.post, "/api/v1/builds",
                                         headers: ["Authorization": "Bearer t", "Content-Type": "application/json"],
                                         body: Array(body.utf8))
        #expect(response.status.code == 400)
        #expect(response.errorCode == "malformed_json")
    }

    @Test func nonObjectBody_is400() async throws {
        let app = try TestApp()
        let response = await app.request(.post, "/api/v1/builds", token: "t", json: ["a", "b"])
        #expect(response.status.code == 400)
        #expect(response.errorCode == "invalid_request")
    }

    @Test func unknownFields_areIgnored() async throws {
        let app = try TestApp()
        #expect(await app.createBuild(buildBody(["color": "blue"])).status.code == 201)
    }

    // MARK: url

    @Test(arguments: ["https://example.com", "https://app.example.com:8443/path?q=1#top", "HTTPS://Example.COM",
                      "https://user@example.com/", "https://8.8.8.8/", "https://[2001:db8::1]/"])
    func url_publicHTTPS_isAccepted(_ url: String) async throws {
        let app = try TestApp()
        #expect(await app.createBuild(buildBody(["url": .string(url)])).status.code == 201)
    }

    @Test(arguments: ["http://example.com", "ftp://example.com", "example.com", "https://", "https:///x",
                      "https://localhost", "https://localhost:3000/", "https://app.localhost", "https://printer.local",
                      "https://127.0.0.1", "https://10.1.2.3", "https://172.16.0.1", "https://172.31.255.255",
                      "https://192.168.1.10:8080", "https://169.254.169.254/latest", "https://0.0.0.0",
                      "https://[::1]/", "https://[fd00::1]/", "https://[fe80::1]/", "https://100.64.0.1", "not a url"])
    func url_notPublicHTTPS_is400(_ url: String) async throws {
        let app = try TestApp()
        let response = await app.createBuild(buildBody(["url": .string(url)]))
        #expect(response.status.code == 400, "\(url)")
        #expect(response.errorCode == "invalid_url")
    }

    @Test(arguments: ["https://localhost:3000", "http://localhost:5173", "https://192.168.1.10", "http://10.0.0.2/app"])
    func url_private_isAcceptedWithAllowPrivateURLs(_ url: String) async throws {
        let app = try TestApp { $0.allowPrivateURLs = true }
        #expect(await app.createBuild(buildBody(["url": .string(url)])).status.code == 201)
    }

    @Test func url_publicHTTP_staysRejectedWithAllowPrivateURLs() async throws {
        let app = try TestApp { $0.allowPrivateURLs = true }
        #expect(await app.createBuild(buildBody(["url": "http://example.com"])).status.code == 400)
    }

    @Test func url_172_32_isPublic() async throws {
        let app = try TestApp()
        #expect(await app.createBuild(buildBody(["url": "https://172.32.0.1"])).status.code == 201)
    }

    // MARK: appName

    @Test func appName_limits() async throws {
        let app = try TestApp()
        #expect(await app.createBuild(buildBody(["appName": .string(String(repeating: "é", count: 100))])).status.code == 201)
        #expect(await app.createBuild(buildBody(["appName": .string(String(repeating: "a", count: 101)),
                                                 "bundleId": "com.x.y"])).status.code == 400)
        #expect(await app.createBuild(buildBody(["appName": ""])).status.code == 400)
        #expect(await app.createBuild(buildBody(["appName": "   "])).status.code == 400)
        #expect(await app.createBuild(buildBody(["appName": "Tab\tName"])).status.code == 400)
    }

    // MARK: bundleId

    @Test(arguments: ["com.example.myapp", "io.app2.x9", "a.b", "com.example.my_app", "com.example.My-App", "Com.Example.App"])
    func bundleId_lenient_acceptsReverseDNS(_ id: String) async throws {
        let app = try TestApp()
        #expect(await app.createBuild(buildBody(["bundleId": .string(id)])).status.code == 201, "\(id)")
    }

    @Test(arguments: ["myapp", "", "com..app", ".com.app", "com.app.", "com.1app", "com.my app", "com.app!",
                      "com.exämple.app", "com/example/app", "_com.app"])
    func bundleId_malformed_is400InBothModes(_ id: String) async throws {
        for strict in [false, true] {
            let app = try TestApp { $0.strict = strict }
            let response = await app.createBuild(buildBody(["bundleId": .string(id)]))
            #expect(response.status.code == 400, "\(id) strict=\(strict)")
            #expect(response.errorCode == "invalid_bundleId")
        }
    }

    @Test(arguments: ["com.example.my_app", "com.example.My-App", "Com.Example.App", "com.example.my-app"])
    func bundleId_strict_allowsOnlyLowercaseDigitsAndPeriods(_ id: String) async throws {
        let app = try TestApp { $0.strict = true }
        let response = await app.createBuild(buildBody(["bundleId": .string(id)]))
        #expect(response.status.code == 400)
        #expect(response.errorMessage.contains("lowercase letters, digits and periods"))
        #expect(await app.createBuild(buildBody(["bundleId": "com.example2.app3"])).status.code == 201)
    }

    @Test func bundleId_over155Characters_is400() async throws {
        let app = try TestApp()
        let long = "com." + String(repeating: "a", count: 152)
        #expect(await app.createBuild(buildBody(["bundleId": .string(long)])).status.code == 400)
        #expect(await app.createBuild(buildBody(["bundleId": .string(String(long.dropLast()))])).status.code == 201)
    }

    // MARK: version

    @Test(arguments: ["1", "1.2", "v1.2.3", "01.2.3", "1.2.3.4", "1.2.3-", "1.2.3-01", "latest"])
    func version_notSemver_is400(_ version: String) async throws {
        let app = try TestApp()
        let response = await app.createBuild(buildBody(["version": .string(version)]))
        #expect(response.status.code == 400)
        #expect(response.errorCode == "invalid_version")
    }

    @Test func version_mustBeHigherThanTheHighestPreviousBuild() async throws {
        let app = try TestApp()
        _ = try await app.createdBuildID(buildBody(["version": "1.2.0"]))
        for lowerOrEqual in ["1.2.0", "1.1.9", "1.2.0-rc.1", "0.9.0", "1.2.0+build.7"] {
            let response = await app.createBuild(buildBody(["version": .string(lowerOrEqual)]))
            #expect(response.status.code == 400, "\(lowerOrEqual)")
            #expect(response.errorCode == "version_not_higher")
            #expect(response.errorMessage.contains(lowerOrEqual) && response.errorMessage.contains("1.2.0"))
        }
        _ = try await app.createdBuildID(buildBody(["version": "1.10.0"]))
        // Highest, not latest: 1.9.0 is above the first build but below 1.10.0.
        let response = await app.createBuild(buildBody(["version": "1.9.0"]))
        #expect(response.status.code == 400)
        #expect(response.errorMessage.contains("1.10.0"))
    }

    @Test func version_preReleaseOrdering_followsSemverSection11() async throws {
        let app = try TestApp()
        for version in ["2.0.0-alpha", "2.0.0-alpha.1", "2.0.0-alpha.beta", "2.0.0-beta", "2.0.0-beta.2",
                        "2.0.0-beta.11", "2.0.0-rc.1", "2.0.0"] {
            _ = try await app.createdBuildID(buildBody(["version": .string(version)]))
        }
        #expect(await app.createBuild(buildBody(["version": "2.0.0-rc.2"])).status.code == 400)
        #expect(await app.createBuild(buildBody(["version": "2.0.1-alpha"])).status.code == 201)
    }

    @Test func version_sameVersionOnTheOtherPlatform_isAllowed() async throws {
        let app = try TestApp()
        _ = try await app.createdBuildID(buildBody(["version": "3.0.0", "platform": "android"]))
        _ = try await app.createdBuildID(buildBody(["version": "3.0.0", "platform": "ios"]))
        #expect(await app.createBuild(buildBody(["version": "3.0.0", "platform": "ios"])).status.code == 400)
    }

    @Test func version_otherBundleIdOrNamespace_isIndependent() async throws {
        let app = try TestApp()
        _ = try await app.createdBuildID(buildBody(["version": "5.0.0"]))
        _ = try await app.createdBuildID(buildBody(["version": "1.0.0", "bundleId": "com.example.other"]))
        _ = try await app.createdBuildID(buildBody(["version": "1.0.0"]), token: "someone-else")
    }

    @Test func version_rejectedBuild_leavesNoTrace() async throws {
        let app = try TestApp()
        _ = try await app.createdBuildID(buildBody(["version": "1.0.0"]))
        #expect(await app.createBuild(buildBody(["version": "1.0.0"])).status.code == 400)
        let list = await app.request(.get, "/api/v1/builds", token: "t").json
        #expect(list?[path: "total"] == 1)
    }

    // MARK: permissions and platform

    @Test func permissions_unknown_onlyRejectedInStrictMode() async throws {
        let lenient = try TestApp()
        #expect(await lenient.createBuild(buildBody(["permissions": ["camera", "teleport"]])).status.code == 201)
        let strict = try TestApp { $0.strict = true }
        let response = await strict.createBuild(buildBody(["permissions": ["camera", "teleport"]]))
        #expect(response.status.code == 400)
        #expect(response.errorCode == "invalid_permissions")
        #expect(response.errorMessage.contains("teleport"))
        let all: JSONValue = ["camera", "gps", "notifications", "microphone", "contacts", "photos", "location",
                              "bluetooth", "calendar", "biometrics"]
        #expect(await strict.createBuild(buildBody(["permissions": all])).status.code == 201)
    }

    @Test func permissions_mustBeAnArrayOfStrings() async throws {
        let app = try TestApp()
        #expect(await app.createBuild(buildBody(["permissions": "camera"])).status.code == 400)
        #expect(await app.createBuild(buildBody(["permissions": ["camera", 3]])).status.code == 400)
        #expect(await app.createBuild(buildBody(["permissions": [""]])).status.code == 400)
    }

    @Test(arguments: ["windows", "Android", "IOS", ""])
    func platform_otherThanAndroidOrIOS_is400(_ platform: String) async throws {
        let app = try TestApp()
        let response = await app.createBuild(buildBody(["platform": .string(platform)]))
        #expect(response.status.code == 400)
        #expect(response.errorCode == "invalid_platform")
    }

    @Test func unknownScenarioHeader_is400ListingTheNames() async throws {
        let app = try TestApp()
        let response = await app.createBuild(buildBody(), scenario: "nope")
        #expect(response.status.code == 400)
        #expect(response.errorMessage.contains("slow-queue"))
    }
}
