public import HTTP
public import Engine
import JSON

/// `/__admin/ui`: the live dashboard, a page, a stylesheet and a script compiled into the binary
/// (no build step, no CDN, nothing to install beside it), plus `GET /__admin/namespaces` for its
/// namespace selector. The page reads the other admin endpoints and `/__admin/events/stream`.
public struct DashboardRoutes: Sendable {
    let engine: Engine

    public init(engine: Engine) {
        self.engine = engine
    }

    public func register(on router: inout Router) {
        router.add(.get, "/__admin/ui") { _ in Self.asset(DashboardAssets.html, type: "text/html; charset=utf-8") }
        router.add(.get, "/__admin/ui/app.css") { _ in Self.asset(DashboardAssets.css, type: "text/css; charset=utf-8") }
        router.add(.get, "/__admin/ui/app.js") { _ in
            Self.asset(DashboardAssets.script, type: "application/javascript; charset=utf-8")
        }
        router.add(.get, "/__admin/namespaces") { _ in
            let names = try await AdminRoutes.engineCall { try await engine.namespaceNames() }
            return AdminRoutes.json(.ok, .object(["namespaces": .array(names.map(JSONValue.string))]))
        }
    }

    static func asset(_ text: String, type: String) -> HTTPResponse {
        var headers = HTTPHeaders()
        // The assets change with the binary; revalidating costs nothing on loopback.
        headers.set("Cache-Control", "no-cache")
        headers.set("X-Content-Type-Options", "nosniff")
        return HTTPResponse(status: .ok, contentType: type, text: text, headers: headers)
    }
}
