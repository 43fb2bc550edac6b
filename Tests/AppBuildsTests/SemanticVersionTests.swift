import Testing
@testable import AppBuilds

@Suite struct SemanticVersionTests {
    @Test(arguments: ["1.0.0", "0.0.1", "10.20.30", "1.2.3-alpha", "1.2.3-alpha.1", "1.2.3-0.3.7",
                      "1.2.3-x.7.z.92", "1.0.0+20130313144700", "1.0.0-beta+exp.sha.5114f85", "1.0.0-x-y-z.--",
                      "99999999999999999999.0.0"])
    func valid_versionsParse(_ text: String) {
        #expect(SemanticVersion(text) != nil)
    }

    @Test(arguments: ["1", "1.2", "1.2.3.4", "v1.2.3", "01.2.3", "1.02.3", "1.2.03", "1.2.3-", "1.2.3-01",
                      "1.2.3-alpha..1", "1.2.3+", "1.2.3+a..b", " 1.2.3", "1.2.3 ", "1.2.3-al_pha", "", "a.b.c", "-1.2.3",
                      "1.0.0-é", "１.0.0", "1.0.0+\u{301}", "1.0.0\r\n", "1.0.0-+"])
    func invalid_versionsAreRejected(_ text: String) {
        #expect(SemanticVersion(text) == nil)
    }

    /// semver.org §11.4's own example chain, each lower than the next.
    @Test func precedence_followsTheSpecExample() throws {
        let chain = ["1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta", "1.0.0-beta.2",
                     "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "2.0.0", "10.0.0"]
        let versions = try chain.map { try #require(SemanticVersion($0)) }
        for (lower, higher) in zip(versions, versions.dropFirst()) {
            #expect(lower.compare(to: higher) == -1, "\(lower) < \(higher)")
            #expect(higher.compare(to: lower) == 1, "\(higher) > \(lower)")
        }
    }

    @Test func buildMetadata_doesNotCount() throws {
        let a = try #require(SemanticVersion("1.0.0+1"))
        let b = try #require(SemanticVersion("1.0.0+2"))
        #expect(a.compare(to: b) == 0)
    }
}
