import App
import ArgumentParser
import Testing
@testable import BuildermockCLI

/// `--admin-token` / `--insecure-admin` and the refusal to expose /__admin on the network.
@Suite struct AdminExposureOptionTests {
    func resolve(_ arguments: [String], _ environment: [String: String] = [:]) throws -> AppConfiguration {
        try AppConfiguration(options: ServeOptions.parse(arguments), environment: environment)
    }

    @Test func defaultHost_isLoopback_andNeedsNoToken() throws {
        let configuration = try resolve([])
        #expect(configuration.host == "127.0.0.1")
        #expect(configuration.adminToken == nil && !configuration.insecureAdmin)
    }

    @Test func nonLoopbackHost_withoutTokenOrInsecure_isRefusedWithAClearMessage() throws {
        for host in ["0.0.0.0", "::", "10.1.2.3"] {
            do {
                _ = try resolve(["--host", host])
                Issue.record("\(host) was accepted without a token")
            } catch let error as ValidationError {
                #expect(error.message.contains("--admin-token"), "\(error.message)")
                #expect(error.message.contains("--insecure-admin"), "\(error.message)")
            }
        }
        #expect(throws: ValidationError.self) { try resolve([], ["BUILDERMOCK_HOST": "0.0.0.0"]) }
    }

    @Test func token_orInsecureAdmin_allowsANonLoopbackHost() throws {
        #expect(try resolve(["--host", "0.0.0.0", "--admin-token", "abc"]).adminToken == "abc")
        #expect(try resolve(["--host", "0.0.0.0"], ["BUILDERMOCK_ADMIN_TOKEN": "env-token"]).adminToken == "env-token")
        #expect(try resolve(["--host", "0.0.0.0", "--admin-token", "flag"], ["BUILDERMOCK_ADMIN_TOKEN": "env"]).adminToken == "flag")
        #expect(try resolve(["--host", "0.0.0.0", "--insecure-admin"]).insecureAdmin)
        #expect(try resolve(["--host", "0.0.0.0"], ["BUILDERMOCK_INSECURE_ADMIN": "1"]).insecureAdmin)
        // A token on loopback is allowed too: it then guards /__admin there.
        #expect(try resolve(["--admin-token", "abc"]).adminToken == "abc")
        #expect(throws: ValidationError.self) { try resolve(["--admin-token", ""]) }
    }
}
