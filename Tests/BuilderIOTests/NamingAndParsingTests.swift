@testable import BuilderIO
import JSON
import Testing

/// The pure pieces: slugs, base64, data URLs and URL checks.
@Suite struct NamingAndParsingTests {
    @Test(arguments: [
        ("Build a landing page with a hero section, feature grid, and contact form", "landing-page-hero"),
        ("Add a dark mode toggle to the settings page", "dark-mode-toggle"),
        ("Recreate this design as a responsive landing page", "recreate-responsive-landing"),
        ("build it", "build-it"),
        ("¡¡¡", "branch"),
        ("Café menü: 3 columns", "caf-men-3"),
    ])
    func promptSlug(prompt: String, slug: String) {
        #expect(BranchNaming.promptSlug(prompt) == slug)
    }

    @Test func friendlySlug_keepsEveryWordUpToTheLimit() {
        #expect(BranchNaming.friendlySlug("Dark Mode — Toggle!") == "dark-mode-toggle")
        #expect(BranchNaming.friendlySlug("***") == nil)
        let long = BranchNaming.friendlySlug(String(repeating: "word ", count: 30))
        #expect(long.map { $0.count <= BranchNaming.maxSlugLength } == true)
        #expect(BranchNaming.friendlySlug(String(repeating: "x", count: 80))?.count == BranchNaming.maxSlugLength)
    }

    @Test func projectName_capitalisesTheSlugWords() {
        #expect(BranchNaming.projectName(prompt: "Build a landing page with a hero") == "Landing Page Hero")
    }

    @Test(arguments: [("", 0), ("QQ==", 1), ("QUI=", 2), ("QUJD", 3), ("QUJDRA==", 4), ("+/+/", 3)])
    func base64Lengths(text: String, length: Int) {
        #expect(Base64.decodedLength(Array(text.utf8)) == length)
    }

    @Test(arguments: ["Q", "QQ=", "Q===", "QQ==QQ==", "QU-D", "QU_D", "QUJD\n"])
    func invalidBase64(text: String) {
        #expect(Base64.decodedLength(Array(text.utf8)) == nil)
    }

    @Test func dataURL_parsesMediaTypeAndLength() throws {
        #expect(try DataURL.parse("data:image/png;base64,QUJD") == DataURL(mediaType: "image/png", decodedLength: 3))
        #expect(try DataURL.parse("DATA:Text/Plain;charset=utf-8;base64,QQ==")
            == DataURL(mediaType: "text/plain", decodedLength: 1))
        #expect(throws: DataURL.Problem.notBase64Encoded) { try DataURL.parse("data:text/plain,hello") }
        #expect(throws: DataURL.Problem.notDataURL) { try DataURL.parse("text/plain;base64,QQ==") }
        #expect(throws: DataURL.Problem.invalidBase64) { try DataURL.parse("data:text/plain;base64,QQ=") }
    }

    @Test func identifiers() {
        #expect(Identifiers.isPrivateKey("bpk-abc_DEF-123"))
        #expect(!Identifiers.isPrivateKey("bpk-"))
        #expect(!Identifiers.isPrivateKey("bpk-a b"))
        #expect(!Identifiers.isPrivateKey("BPK-abc"))
        #expect(Identifiers.isSpaceID("demo0space0000000000000000000001"))
        #expect(!Identifiers.isSpaceID(String(repeating: "a", count: 65)))
        #expect(!Identifiers.isSpaceID("a.b"))
    }

    @Test func shippedWorldFixture_loads() throws {
        let world = try BuilderIOService.readFixture(FixtureLocation.world).get()
        #expect(world.spaces.count == 2)
        #expect(world.user(email: "Developer@YourCompany.com")?.id == "d3e1b5c7a9f1e3d5c7b9a1f3")
    }

    @Test func brokenWorldFixture_namesTheEntry() throws {
        #expect(throws: WorldFileError.self) {
            try World.fixture(["spaces": [["id": "s", "privateKeys": ["bpk-x"], "owner": "nobody"]]])
        }
        do {
            _ = try World.fixture(["spaces": [["id": "s", "privateKeys": ["bpk-x"], "owner": "nobody"]]])
        } catch let error as WorldFileError {
            #expect(error.message == "spaces[0].owner: no user nobody")
        }
    }
}
