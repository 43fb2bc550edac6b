@testable import Admin
import App
import BuildermockTesting
import HTTP
import JSON
import Logging
import Synchronization
import Testing

/// `--admin-token`: every `/__admin/*` route but health demands the bearer token.
@Suite struct AdminAuthMiddlewareTests {
    static let token = "s3cret-admin-token-0123456789"

    func app() throws -> TestApp { try TestApp { $0.adminToken = Self.token } }

    @Test func withoutToken_adminRoutesAnswer401JSON() async throws {
        let app = try app()
        for target in ["/__admin/jobs", "/__admin/clock", "/__admin/openapi", "/__admin/builderio/spaces", "/__admin/webhooks/secret"] {
            let response = await app.request(.get, target, token: nil)
            #expect(response.status == .unauthorized, "\(target)")
            #expect(response.json?[path: "error.code"] == "unauthorized", "\(target)")
            #expect(response.headers["WWW-Authenticate"]?.hasPrefix("Bearer") == true)
        }
        let reset = await app.request(.post, "/__admin/reset?all=true", token: nil)
        #expect(reset.status == .unauthorized)
    }

    @Test func wrongToken_isRefused_rightTokenPasses() async throws {
        let app = try app()
        for wrong in ["nope", Self.token + "x", String(Self.token.dropLast()), Self.token.uppercased()] {
            #expect(await app.request(.get, "/__admin/jobs", token: wrong).status == .unauthorized, "\(wrong)")
        }
        let basic = await app.request(.get, "/__admin/jobs", headers: ["Authorization": "Basic \(Self.token)"])
        #expect(basic.status == .unauthorized)
        let ok = await app.request(.get, "/__admin/jobs", token: Self.token)
        #expect(ok.status == .ok)
        // The admin token is a credential, not a namespace: without a namespace header it is `default`.
        #expect(ok.json?[path: "namespace"] == "default")
        let picked = await app.request(.get, "/__admin/jobs?namespace=suite-a", token: Self.token)
        #expect(picked.json?[path: "namespace"] == "suite-a")
    }

    @Test func health_andEmulatedAPIs_needNoAdminToken() async throws {
        let app = try app()
        #expect(await app.request(.get, "/__admin/health", token: nil).status == .ok)
        let build = await app.request(.get, "/api/v1/builds", token: "customer-key")
        #expect(build.status == .ok)
    }

    @Test func noTokenConfigured_adminIsOpen() async throws {
        let app = try TestApp()
        #expect(await app.request(.get, "/__admin/jobs", token: nil).status == .ok)
    }

    @Test func dashboardAssets_needNoToken_butItsDataDoes() async throws {
        let app = try app()
        for target in ["/__admin/ui", "/__admin/ui?token=anything", "/__admin/ui/app.js", "/__admin/ui/app.css"] {
            let response = await app.request(.get, target, token: nil)
            #expect(response.status == .ok, "\(target)")
        }
        // Only those three exact paths are open: what the page reads still needs the token.
        for target in ["/__admin/namespaces", "/__admin/metrics", "/__admin/ui/other.js", "/__admin/uix"] {
            #expect(await app.request(.get, target, token: nil).status == .unauthorized, "\(target)")
        }
        #expect(await app.request(.get, "/__admin/namespaces", token: Self.token).status == .ok)
    }

    @Test func queryToken_isAcceptedOnTheEventStreamOnly() async throws {
        let app = try app()
        // The stream itself is covered by EventStreamRoutesTests; here a bad `all` answers at once,
        // after authentication, so a 400 proves the query token got through and a 401 that it did not.
        let passed = await app.request(.get, "/__admin/events/stream?all=maybe&token=\(Self.token)", token: nil)
        #expect(passed.status == .badRequest)
        for wrong in ["nope", Self.token + "x", String(Self.token.dropLast()), ""] {
            let refused = await app.request(.get, "/__admin/events/stream?all=maybe&token=\(wrong)", token: nil)
            #expect(refused.status == .unauthorized, "\(wrong)")
        }
        // Anywhere else, and on a POST to the stream path, ?token= is no credential.
        #expect(await app.request(.get, "/__admin/jobs?token=\(Self.token)", token: nil).status == .unauthorized)
        #expect(await app.request(.get, "/__admin/metrics?token=\(Self.token)", token: nil).status == .unauthorized)
        #expect(await app.request(.post, "/__admin/events/stream?token=\(Self.token)", token: nil).status == .unauthorized)
    }

    @Test func queryToken_isRemovedBeforeTheRoutes() async throws {
        let middleware = AdminAuthMiddleware(token: Self.token)
        let request = HTTPRequest(method: .get, target: "/__admin/events/stream?namespace=a&token=\(Self.token)&all=true")
        let seen = await middleware.handle(request, next: ClosureResponder { request in
            HTTPResponse(status: .ok, contentType: "text/plain", text: "\(request.target) \(request.query ?? "-")")
        })
        #expect(seen.status == .ok)
        #expect(String(decoding: seen.body, as: UTF8.self) == "/__admin/events/stream?namespace=a&all=true namespace=a&all=true")
        // When token was the only item, the query goes away entirely.
        var alone = HTTPRequest(method: .get, target: "/__admin/events/stream?token=\(Self.token)")
        AdminAuthMiddleware.removeTokenQuery(from: &alone)
        #expect(alone.query == nil && alone.target == "/__admin/events/stream")
    }

    @Test func dashboardScript_sendsTheTokenFromItsURL() async throws {
        let app = try app()
        let script = await app.request(.get, "/__admin/ui/app.js", token: nil).text
        #expect(script.contains(#"sessionStorage.setItem("buildermock.adminToken", params.get("token"))"#))
        #expect(script.contains(#"init.headers["Authorization"] = "Bearer " + adminToken"#))
        #expect(script.contains(#"new EventSource("/__admin/events/stream?" + nsQuery(withToken({ all: "true" })))"#))
    }

    @Test(arguments: [
        ("abc", "abc", true), ("abc", "abd", false), ("abc", "ab", false), ("", "", true), ("a", "", false),
        (String(repeating: "x", count: 256), "", false),
    ])
    func constantTimeEquals(a: String, b: String, equal: Bool) {
        #expect(AdminAuthMiddlewareTests.equals(a, b) == equal)
    }

    static func equals(_ a: String, _ b: String) -> Bool {
        AdminAuthMiddleware.constantTimeEquals(Array(a.utf8), Array(b.utf8))
    }
}

/// Binding beyond loopback needs a token or `--insecure-admin`; the startup log never shows a secret.
@Suite struct AdminExposureTests {
    @Test(arguments: [
        ("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("::1", true),
        ("0.0.0.0", false), ("::", false), ("10.0.0.1", false), ("128.0.0.1", false), ("127.0.0", false), ("127.0.0.256", false),
        ("192.168.1.4", false),
    ])
    func loopback(host: String, isLoopback: Bool) {
        #expect(AppConfiguration.isLoopback(host) == isLoopback)
    }

    @Test func nonLoopbackWithoutToken_refusesToStart() throws {
        var configuration = AppConfiguration()
        configuration.host = "0.0.0.0"
        #expect(configuration.adminExposureProblem?.contains("--admin-token") == true)
        #expect(throws: StartupError.self) {
            _ = try TestApp { $0.host = "0.0.0.0" }
        }
        configuration.adminToken = "t"
        #expect(configuration.adminExposureProblem == nil)
        configuration.adminToken = nil
        configuration.insecureAdmin = true
        #expect(configuration.adminExposureProblem == nil)
        configuration.adminToken = ""
        #expect(configuration.adminExposureProblem != nil)
    }

    @Test func startupLog_showsOnlyATokenPrefix() async throws {
        let token = "tok-very-secret-value-42"
        let captured = CapturedLog()
        var configuration = AppConfiguration()
        configuration.port = 0
        configuration.databasePath = ":memory:"
        configuration.clockMode = .manual
        configuration.fixturesPath = FixturePaths.root
        configuration.adminToken = token
        let logger = Logger(label: "test") { _ in captured }
        let application = try Application(configuration: configuration, logger: logger)
        try application.start()
        await application.shutdown()
        let text = captured.lines.joined(separator: "\n")
        #expect(text.contains("listening"))
        #expect(text.contains("tok-…"))
        #expect(!text.contains(token))
    }
}

/// A log handler that keeps each line with its metadata as text.
final class CapturedLog: LogHandler, Sendable {
    let storage = Mutex<[String]>([])
    var lines: [String] { storage.withLock { $0 } }

    var logLevel: Logger.Level {
        get { .trace }
        set {}
    }
    var metadata: Logger.Metadata {
        get { [:] }
        set {}
    }
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { nil }
        set {}
    }

    func log(event: LogEvent) {
        let metadata = (event.metadata ?? [:]).map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " ")
        storage.withLock { $0.append("\(event.message) \(metadata)") }
    }
}
