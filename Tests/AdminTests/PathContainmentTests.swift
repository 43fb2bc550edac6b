import App
import BuildermockTesting
import HTTP
import JSON
import Testing

/// No request names a file: scenario names, download ids and file names, namespaces in page
/// paths and document names are looked up in memory or the database, never joined onto a
/// directory. These pin that down with the classic escapes.
@Suite struct PathContainmentTests {
    static let escapes = ["../../../../etc/passwd", "..%2F..%2Fetc%2Fpasswd", "/etc/passwd", "..\\..\\boot.ini", "%2e%2e/%2e%2e/etc/passwd"]

    @Test func scenarioHeader_withAPath_isAnUnknownScenario() async throws {
        let app = try TestApp()
        for name in Self.escapes {
            let response = await app.request(.post, "/api/v1/builds", json: [
                "url": "https://example.com", "appName": "Demo", "bundleId": "com.example.demo", "version": "1.0.0",
            ], headers: ["X-Buildermock-Scenario": name])
            #expect(response.status == .badRequest, "\(name)")
            #expect(response.text.contains("Unknown scenario"), "\(name)")
            #expect(!response.text.contains("root:"), "\(name)")
        }
    }

    @Test func downloadPaths_withEscapes_areRefusedInTheAPIsShape() async throws {
        let app = try TestApp()
        for escape in Self.escapes {
            for target in ["/downloads/builds/default/\(escape)/x.apk", "/downloads/builds/\(escape)/bld_1/x.apk",
                           "/downloads/builds/default/bld_1/\(escape)?expires=9999999999&signature=x"] {
                let response = await app.request(.get, target, token: nil)
                #expect([400, 403, 404].contains(response.status.code), "\(target): \(response.status.code)")
                #expect(response.json?[path: "error.code"] != nil, "\(target)")
                #expect(!response.text.contains("root:"), "\(target)")
            }
        }
    }

    @Test func pagesAndDocuments_withEscapes_are404() async throws {
        let app = try TestApp()
        for escape in Self.escapes {
            for target in ["/mihu/preview/\(escape)/x", "/app/projects/\(escape)/main", "/__admin/openapi/\(escape)"] {
                let response = await app.request(.get, target, token: nil)
                #expect(response.status == .notFound, "\(target): \(response.status.code)")
                #expect(!response.text.contains("root:"), "\(target)")
            }
        }
    }
}
