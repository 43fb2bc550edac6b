import BuildermockTesting
import HTTP
import JSON
import Testing

/// `/__admin/ui`: the page and its two assets are served by the binary itself, and reference
/// nothing outside the server.
@Suite struct DashboardRoutesTests {
    @Test func page_andAssets_areServedWithTheirTypes() async throws {
        let app = try TestApp()
        let page = await app.request(.get, "/__admin/ui")
        #expect(page.status.code == 200)
        #expect(page.headers["Content-Type"] == "text/html; charset=utf-8")
        #expect(page.text.contains(#"<script src="/__admin/ui/app.js"></script>"#))
        #expect(page.text.contains(#"<link rel="stylesheet" href="/__admin/ui/app.css">"#))
        for id in ["namespace", "clock-now", "advance-by", "advance", "reset", "jobs", "requests", "faults", "webhooks", "activity"] {
            #expect(page.text.contains(#"id="\#(id)""#), "\(id)")
        }
        let script = await app.request(.get, "/__admin/ui/app.js")
        #expect(script.status.code == 200)
        #expect(script.headers["Content-Type"] == "application/javascript; charset=utf-8")
        #expect(script.text.contains("new EventSource(\"/__admin/events/stream?"))
        let style = await app.request(.get, "/__admin/ui/app.css")
        #expect(style.headers["Content-Type"] == "text/css; charset=utf-8")
        #expect(await app.request(.get, "/__admin/ui/").status.code == 200)
    }

    @Test func assets_workOffline_noExternalReferences() async throws {
        let app = try TestApp()
        for path in ["/__admin/ui", "/__admin/ui/app.js", "/__admin/ui/app.css"] {
            let text = await app.request(.get, path).text
            #expect(!text.contains("http://") && !text.contains("https://") && !text.contains("//cdn"), "\(path)")
            #expect(!text.contains("@import"), "\(path)")
        }
    }

    @Test func namespaces_listsEveryNamespaceWithState() async throws {
        let app = try TestApp()
        _ = try await app.createBuild(namespace: "alpha")
        _ = try await app.createBuild(namespace: "beta")
        let response = await app.request(.get, "/__admin/namespaces")
        #expect(response.status.code == 200)
        #expect(response.json?[path: "namespaces"] == ["alpha", "beta"])
    }

    @Test func dashboardAPIs_answerForAFreshNamespace() async throws {
        // What the page calls on load, for a namespace with nothing in it yet.
        let app = try TestApp()
        for path in ["/__admin/clock?namespace=fresh", "/__admin/jobs?namespace=fresh&limit=200",
                     "/__admin/schedule?namespace=fresh&limit=5", "/__admin/webhooks?namespace=fresh&limit=20"] {
            #expect(await app.request(.get, path).status.code == 200, "\(path)")
        }
    }
}
