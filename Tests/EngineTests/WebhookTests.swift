import Engine
import Scenarios
import Testing

@Suite struct WebhookTargetTests {
    @Test(arguments: [
        ("http://127.0.0.1:8080/hooks?x=1", "127.0.0.1", 8080, "/hooks?x=1"),
        ("http://localhost/", "localhost", 80, "/"),
        ("HTTP://LocalHost:9", "localhost", 9, "/"),
        ("http://[::1]:7000/a", "::1", 7000, "/a"),
        ("http://127.9.9.9?q", "127.9.9.9", 80, "/?q"),
    ] as [(String, String, Int, String)])
    func parse_takesTheURLApart(_ url: String, _ host: String, _ port: Int, _ target: String) throws {
        let parsed = try WebhookTarget.parse(url)
        #expect(parsed.host == host)
        #expect(parsed.port == port)
        #expect(parsed.requestTarget == target)
        #expect(parsed.isAllowed(allow: []))
    }

    @Test(arguments: ["", "127.0.0.1/x", "http://", "http://:80/", "http://a b/", "http://127.0.0.1:0/", "http://127.0.0.1:70000/",
                      "http://user@127.0.0.1/", "http://[::1/"])
    func parse_refusesMalformedURLs(_ url: String) {
        #expect(throws: WebhookTarget.Problem.self) { try WebhookTarget.parse(url) }
    }

    @Test func parse_refusesOtherSchemes() {
        #expect(throws: WebhookTarget.Problem.unsupportedScheme("https")) { try WebhookTarget.parse("https://127.0.0.1/") }
    }

    @Test(arguments: [("127.0.0.1", true), ("127.255.0.9", true), ("::1", true), ("localhost", true),
                      ("128.0.0.1", false), ("10.0.0.1", false), ("0.0.0.0", false), ("169.254.169.254", false),
                      ("127.0.0.1.evil.io", false), ("localhost.evil.io", false), ("127.0.0.256", false), ("example.com", false)])
    func loopback_isExactlyTheLoopbackRanges(_ host: String, _ expected: Bool) {
        #expect(WebhookTarget.isLoopback(host) == expected)
    }

    @Test func allowList_widensTheGuardByExactHost() throws {
        #expect(throws: WebhookTarget.Problem.notAllowed(host: "hooks.example.com")) {
            try WebhookTarget.validate("http://hooks.example.com/x", allow: [])
        }
        #expect(try WebhookTarget.validate("http://hooks.example.com/x", allow: ["Hooks.Example.com"]).host == "hooks.example.com")
        #expect(throws: WebhookTarget.Problem.self) { try WebhookTarget.validate("http://evil.example.com/x", allow: ["hooks.example.com"]) }
    }
}

@Suite struct WebhookPolicyTests {
    @Test func backoff_doublesUpToTheCap() {
        let settings = WebhookSettings(maxAttempts: 6, backoff: .seconds(2), backoffFactor: 2, maxBackoff: .seconds(10))
        #expect((1...5).map { settings.delay(afterAttempt: $0).milliseconds } == [2_000, 4_000, 8_000, 10_000, 10_000])
    }

    @Test func only2xx_isSuccess() {
        #expect(WebhookAttemptResult.response(status: 200).isSuccess)
        #expect(WebhookAttemptResult.response(status: 204).isSuccess)
        #expect(!WebhookAttemptResult.response(status: 301).isSuccess)
        #expect(!WebhookAttemptResult.response(status: 500).isSuccess)
        #expect(!WebhookAttemptResult.failure("refused").isSuccess)
    }

    @Test func namespaceSecrets_differAndSignaturesVerify() {
        let a = HMACSigner.namespaceSecret(seed: 42, namespace: "a", purpose: "webhooks")
        let b = HMACSigner.namespaceSecret(seed: 42, namespace: "b", purpose: "webhooks")
        #expect(a != b)
        #expect(a == HMACSigner.namespaceSecret(seed: 42, namespace: "a", purpose: "webhooks"))
        let body = Array(#"{"agentId":"agt_1"}"#.utf8)
        let signature = HMACSigner(secret: a).hexSignature(body)
        #expect(HMACSigner(secret: a).verify(hexSignature: signature, for: body))
        #expect(!HMACSigner(secret: b).verify(hexSignature: signature, for: body))
    }
}
