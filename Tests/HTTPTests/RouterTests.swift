import Testing
@testable import HTTP

@Suite struct RouterTests {
    @Test(arguments: ["", "/", "//", "/a", "a", "/a/b", "/a//b/", "//a///b//", "/ä/日本/x y", "/a/b/c/d/e/f/g/h/i/j"])
    func segments_areTheNonEmptyPartsBetweenSlashes(_ path: String) {
        #expect(Router.segments(path) == path.split(separator: "/", omittingEmptySubsequences: true))
    }

    struct Teapot: HTTPResponseError {
        var response: HTTPResponse { .json(HTTPStatus(418, "I'm a teapot"), #"{"teapot":true}"#) }
    }
    struct Boom: Error {}

    static func text(_ s: String) -> Router.Handler { { _ in HTTPResponse(contentType: "text/plain", text: s) } }

    static func makeRouter() -> Router {
        var router = Router()
        router.add(.get, "/api/v1/builds", text("list"))
        router.add(.post, "/api/v1/builds", text("create"))
        router.add(.get, "/api/v1/builds/latest", text("latest"))
        router.add(.get, "/api/v1/builds/:id", { request in
            HTTPResponse(contentType: "text/plain", text: "build " + (request.pathParameters["id"] ?? "?"))
        })
        router.add(.delete, "/api/v1/builds/:id/logs/:line", { request in
            HTTPResponse(contentType: "text/plain",
                         text: "\(request.pathParameters["id"] ?? "?")#\(request.pathParameters["line"] ?? "?")")
        })
        router.add(.post, "/api/v1/ops/reset", text("reset"))
        router.add(.get, "/api/v1/ops/:op", text("op"))
        router.add(.get, "/teapot", { _ in throw Teapot() })
        router.add(.get, "/boom", { _ in throw Boom() })
        router.add(.get, "/", text("root"))
        return router
    }

    static func call(_ router: Router, _ method: HTTPMethod, _ target: String) async -> HTTPResponse {
        await router.respond(to: HTTPRequest(method: method, target: target))
    }

    @Test(arguments: [
        ("/api/v1/builds", "list"), ("/api/v1/builds/", "list"), ("/api/v1/builds/latest", "latest"),
        ("/api/v1/builds/b_42", "build b_42"), ("/api/v1/builds/a%20b", "build a b"), ("/", "root"),
        ("/api/v1/builds?limit=3", "list"),
    ])
    func get_findsTheRoute(target: String, body: String) async {
        let response = await Self.call(Self.makeRouter(), .get, target)
        #expect(response.status == .ok)
        #expect(response.body.text == body)
    }

    @Test func staticSegment_beatsParameter_butParameterStillMatchesOthers() async {
        let router = Self.makeRouter()
        #expect(await Self.call(router, .get, "/api/v1/builds/latest").body.text == "latest")
        #expect(await Self.call(router, .get, "/api/v1/builds/lates").body.text == "build lates")
    }

    @Test func staticRouteWithoutTheMethod_fallsThroughToParameterRoute() async {
        let router = Self.makeRouter()
        #expect(await Self.call(router, .get, "/api/v1/ops/reset").body.text == "op")
        #expect(await Self.call(router, .post, "/api/v1/ops/reset").body.text == "reset")
    }

    @Test func severalParameters_areCaptured() async {
        let response = await Self.call(Self.makeRouter(), .delete, "/api/v1/builds/b7/logs/12")
        #expect(response.body.text == "b7#12")
    }

    @Test func routePattern_namesTheRouteThatAnswers() {
        let router = Self.makeRouter()
        #expect(router.routePattern(method: .get, path: "/api/v1/builds") == "/api/v1/builds")
        #expect(router.routePattern(method: .get, path: "/api/v1/builds/bld_123") == "/api/v1/builds/:id")
        #expect(router.routePattern(method: .get, path: "/api/v1/builds/latest") == "/api/v1/builds/latest")
        #expect(router.routePattern(method: .head, path: "/api/v1/builds/x") == "/api/v1/builds/:id")
        #expect(router.routePattern(method: .delete, path: "/api/v1/builds/7/logs/3") == "/api/v1/builds/:id/logs/:line")
        // A static route without the method falls through to the parameter route that has it.
        #expect(router.routePattern(method: .get, path: "/api/v1/ops/reset") == "/api/v1/ops/:op")
        // 405: the path's route, whatever the method; 404: none.
        #expect(router.routePattern(method: .put, path: "/api/v1/builds") == "/api/v1/builds")
        #expect(router.routePattern(method: .get, path: "/nope/nothing") == nil)
        #expect(router.routePattern(method: .get, path: "/") == "/")
    }

    @Test func answeredResponses_carryTheRoutePattern_soMetricsNeedNotMatchAgain() async {
        let router = Self.makeRouter()
        for (method, target) in [(HTTPMethod.get, "/api/v1/builds/b_1"), (.get, "/api/v1/builds/latest"),
                                 (.delete, "/api/v1/builds/b7/logs/12"), (.get, "/api/v1/ops/reset"),
                                 (.head, "/api/v1/builds/x"), (.get, "/teapot"), (.get, "/boom")] {
            let path = String(target.split(separator: "?")[0])
            #expect(await Self.call(router, method, target).route == router.routePattern(method: method, path: path))
        }
        // No route answered: 404 and 405 carry none.
        #expect(await Self.call(router, .get, "/nope").route == nil)
        #expect(await Self.call(router, .put, "/api/v1/builds").route == nil)
    }

    @Test func unknownPath_is404JSON() async {
        let response = await Self.call(Self.makeRouter(), .get, "/api/v1/nothing")
        #expect(response.status == .notFound)
        #expect(response.headers["Content-Type"] == "application/json")
        #expect(response.body.text.hasPrefix(#"{"error":{"code":"not_found","#))
    }

    @Test func wrongMethod_is405WithAllow() async {
        let response = await Self.call(Self.makeRouter(), .delete, "/api/v1/builds")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD, POST")
        #expect(response.body.text.hasPrefix(#"{"error":{"code":"method_not_allowed","#))
    }

    @Test func wrongMethod_onParameterRoute_is405() async {
        let response = await Self.call(Self.makeRouter(), .post, "/api/v1/builds/b1")
        #expect(response.status == .methodNotAllowed)
        #expect(response.headers["Allow"] == "GET, HEAD")
    }

    @Test func head_fallsBackToGet() async {
        let response = await Self.call(Self.makeRouter(), .head, "/api/v1/builds/b9")
        #expect(response.body.text == "build b9")
    }

    @Test func explicitHead_winsOverGet() async {
        var router = Router()
        router.add(.get, "/x", Self.text("get"))
        router.add(.head, "/x", Self.text("head"))
        #expect(await Self.call(router, .head, "/x").body.text == "head")
    }

    @Test func prefixRenderers_overrideNotFoundAndMethodNotAllowed_longestWins() async {
        var router = Self.makeRouter()
        router.setErrorRenderer(forPrefix: "/api") { status, code, _ in
            .json(status, #"{"api":"\#(code)"}"#)
        }
        router.setErrorRenderer(forPrefix: "/api/v1/builds") { status, code, _ in
            .json(status, #"{"builds":"\#(code)"}"#)
        }
        #expect(await Self.call(router, .get, "/api/v2/x").body.text == #"{"api":"not_found"}"#)
        let notAllowed = await Self.call(router, .put, "/api/v1/builds")
        #expect(notAllowed.status == .methodNotAllowed)
        #expect(notAllowed.body.text == #"{"builds":"method_not_allowed"}"#)
        #expect(notAllowed.headers["Allow"] == "GET, HEAD, POST")
        #expect(await Self.call(router, .get, "/api/v1/builds/x/y/z").body.text == #"{"builds":"not_found"}"#)
        // Whole segments only: "/apix" is not under "/api".
        #expect(await Self.call(router, .get, "/apix").body.text.hasPrefix(#"{"error":"#))
    }

    @Test func thrownResponseError_rendersItself() async {
        let response = await Self.call(Self.makeRouter(), .get, "/teapot")
        #expect(response.status.code == 418)
        #expect(response.body.text == #"{"teapot":true}"#)
    }

    @Test func otherThrownError_is500JSON() async {
        let response = await Self.call(Self.makeRouter(), .get, "/boom")
        #expect(response.status == .internalServerError)
        #expect(response.body.text.hasPrefix(#"{"error":{"code":"internal_error","#))
    }

    @Test func repeatedMatches_comeFromTheMemo_perMethod() async {
        let router = Self.makeRouter()
        for _ in 0..<2 {
            #expect(await Self.call(router, .delete, "/api/v1/builds/b7/logs/12").body.text == "b7#12")
        }
        #expect(router.matchMemo.count == 1)
        // The same path with another method is matched on its own, never served the DELETE match.
        #expect(await Self.call(router, .get, "/api/v1/builds/b7/logs/12").status == .methodNotAllowed)
        for _ in 0..<2 {
            #expect(await Self.call(router, .get, "/api/v1/ops/reset").body.text == "op")
            #expect(await Self.call(router, .post, "/api/v1/ops/reset").body.text == "reset")
        }
        // Failed matches are not remembered.
        #expect(await Self.call(router, .get, "/nowhere/at/all").status == .notFound)
        #expect(router.matchMemo.count == 2)
    }

    @Test func addingARoute_startsANewMemo() async {
        var router = Self.makeRouter()
        #expect(await Self.call(router, .get, "/api/v1/ops/status").body.text == "op")
        router.add(.get, "/api/v1/ops/status", Self.text("status"))
        #expect(await Self.call(router, .get, "/api/v1/ops/status").body.text == "status")
    }

    @Test func router_isAValue_soCopiesDoNotShareRoutes() async {
        let original = Self.makeRouter()
        var copy = original
        copy.add(.get, "/only-in-copy", Self.text("copy"))
        #expect(await Self.call(copy, .get, "/only-in-copy").status == .ok)
        #expect(await Self.call(original, .get, "/only-in-copy").status == .notFound)
    }
}

@Suite struct MiddlewareChainTests {
    struct Tag: HTTPMiddleware {
        let name: String
        func handle(_ request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
            var request = request
            request.headers.add("X-Seen", name)
            var response = await next.respond(to: request)
            response.headers.add("X-Order", name)
            return response
        }
    }

    struct ShortCircuit: HTTPMiddleware {
        func handle(_ request: HTTPRequest, next: any HTTPResponder) async -> HTTPResponse {
            .coreError(.tooManyRequests, code: "rate_limited", message: "slow down")
        }
    }

    static let echo = ClosureResponder { request in
        HTTPResponse(contentType: "text/plain", text: request.headers.values(for: "X-Seen").joined(separator: ","))
    }

    @Test func middlewares_runInOrder_aroundTheResponder() async {
        let chain = MiddlewareChain([Tag(name: "a"), Tag(name: "b")], responder: Self.echo)
        let response = await chain.respond(to: HTTPRequest(method: .get, target: "/"))
        #expect(response.body.text == "a,b")
        #expect(response.headers.values(for: "X-Order") == ["b", "a"])
    }

    @Test func middleware_mayAnswerWithoutCallingNext() async {
        let chain = MiddlewareChain([ShortCircuit(), Tag(name: "never")], responder: Self.echo)
        let response = await chain.respond(to: HTTPRequest(method: .get, target: "/"))
        #expect(response.status == .tooManyRequests)
        #expect(response.headers["X-Order"] == nil)
    }

    @Test func emptyChain_isTheResponder() async {
        let response = await MiddlewareChain([], responder: Self.echo).respond(to: HTTPRequest(method: .get, target: "/"))
        #expect(response.status == .ok)
    }
}
