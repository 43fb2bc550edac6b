import App
import HTTP
import Logging
import Testing

/// The request log line carries no credential: no Authorization value, no query string (download
/// signatures and Builder.io keys live there).
@Suite struct RequestLogMiddlewareTests {
    @Test func requestLine_omitsAuthorizationAndQuery() async {
        let captured = CapturedLog()
        let middleware = RequestLogMiddleware(logger: Logger(label: "test") { _ in captured })
        let chain = MiddlewareChain([middleware], responder: Router())
        let request = HTTPRequest(method: .get, target: "/downloads/builds/default/bld_1/a.apk?expires=1&signature=SIGSECRET",
                                  headers: ["Host": "h", "Authorization": "Bearer TOKENSECRET"])
        _ = await chain.respond(to: request)
        let text = captured.lines.joined(separator: "\n")
        #expect(text.contains("/downloads/builds/default/bld_1/a.apk"))
        #expect(!text.contains("SIGSECRET"))
        #expect(!text.contains("TOKENSECRET"))
    }
}
