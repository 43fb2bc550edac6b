@testable import Engine
import HTTP
import Testing

/// `NamespaceResolver`: which namespace a request's headers put it in.
@Suite struct NamespaceResolverTests {
    @Test(arguments: [
        ("Bearer abc", "abc"),
        ("bearer abc", "abc"),
        ("BEARER abc", "abc"),
        ("  Bearer   abc \t", "abc"),
        ("Bearer a b", "a b"),
        ("Bearer \ttok", "tok"),
    ])
    func bearerToken_isTheCredentialAfterTheScheme(_ header: String, _ token: String) {
        #expect(NamespaceResolver.bearerToken(["Authorization": header]) == token)
        // Twice: the second answer comes from the remembered parse.
        #expect(NamespaceResolver.hasBearerToken(["Authorization": header]))
        #expect(NamespaceResolver.hasBearerToken(["Authorization": header]))
    }

    @Test(arguments: ["Bearer", "Bearer ", "Bearer  \t ", "Basic abc", "Bearerx abc", "Bearer\tabc", "", "  "])
    func bearerToken_isNil_forAnythingElse(_ header: String) {
        #expect(NamespaceResolver.bearerToken(["Authorization": header]) == nil)
        #expect(!NamespaceResolver.hasBearerToken(["Authorization": header]))
        #expect(!NamespaceResolver.hasBearerToken(["Authorization": header]))
        #expect(NamespaceResolver.namespace(forAuthorization: header) == NamespaceResolver.fallback)
    }

    @Test func tokenNamespace_isTokDashAnd16HexDigitsOfTheFNVHash() {
        // FNV-1a 64 of the empty input is its offset basis; of "a" a published test vector.
        #expect(NamespaceResolver.namespace(forToken: "") == "tok-cbf29ce484222325")
        #expect(NamespaceResolver.namespace(forToken: "a") == "tok-af63dc4c8601ec8c")
        // Leading zeros are kept, so every token namespace has the same length.
        for token in ["t", "second", "bench-token", "x-0"] {
            let name = NamespaceResolver.namespace(forToken: token)
            #expect(name.utf8.count == 20 && name.hasPrefix("tok-"))
        }
    }

    @Test func headers_pickExplicitThenTenantThenTokenThenDefault() throws {
        let bearer: HTTPHeaders = ["Authorization": "Bearer  secret-token "]
        #expect(try NamespaceResolver.namespace(for: bearer) == NamespaceResolver.namespace(forToken: "secret-token"))
        var tenant = bearer
        tenant.add("X-Tenant", "acme")
        #expect(try NamespaceResolver.namespace(for: tenant, tenantHeader: "X-Tenant") == "acme")
        var explicit = tenant
        explicit.add(NamespaceResolver.headerName, "mine")
        #expect(try NamespaceResolver.namespace(for: explicit, tenantHeader: "X-Tenant") == "mine")
        #expect(try NamespaceResolver.namespace(for: ["Authorization": "Basic abc"]) == NamespaceResolver.fallback)
        #expect(throws: EngineError.self) {
            try NamespaceResolver.namespace(for: [NamespaceResolver.headerName: "bad name"])
        }
    }

    /// As `headers[name]` would: names ignore case, and of a repeated field the first counts.
    @Test func headers_firstOfARepeatedField_anyCase() throws {
        let headers: HTTPHeaders = HTTPHeaders([("x-tenant", ""), ("X-TENANT", "late"), ("authorization", "Bearer one"),
                                                ("Authorization", "Bearer two")])
        #expect(try NamespaceResolver.namespace(for: headers, tenantHeader: "X-Tenant") == NamespaceResolver.namespace(forToken: "one"))
        let explicit = HTTPHeaders([("x-buildermock-namespace", "first"), ("X-Buildermock-Namespace", "second")])
        #expect(try NamespaceResolver.namespace(for: explicit) == "first")
    }

    @Test func authorizationValues_resolveTheSameFromMemory_andMemoryIsBounded() throws {
        // Each value twice: the second answer comes from memory and must equal the first.
        for round in 0..<2 {
            for (value, token) in [("Bearer remembered-1", "remembered-1"), ("bearer  remembered-2 ", "remembered-2")] {
                #expect(try NamespaceResolver.namespace(for: ["Authorization": value])
                    == NamespaceResolver.namespace(forToken: token), "round \(round)")
            }
            #expect(try NamespaceResolver.namespace(for: ["Authorization": "Basic remembered"]) == NamespaceResolver.fallback)
        }
        for n in 0..<(NamespaceResolver.knownAuthorizationsCapacity + 10) {
            #expect(NamespaceResolver.namespace(forAuthorization: "Bearer many-\(n)")
                == NamespaceResolver.namespace(forToken: "many-\(n)"))
        }
        #expect(NamespaceResolver.knownAuthorizationCount <= NamespaceResolver.knownAuthorizationsCapacity)
    }
}
