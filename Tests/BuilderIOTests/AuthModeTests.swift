import Engine
import App
import BuildermockTesting
import HTTP
import JSON
import Testing

/// Lenient auth (the default) against strict auth (`--auth strict`).
@Suite struct AuthModeTests {
    static let newSpace = "fresh-space-01"
    static let newKey = "bpk-fresh0key0001"

    @Test func lenient_unknownSpaceWithWellFormedKey_createsItselfOnFirstUse() async throws {
        let app = try TestApp()
        let response = await app.run(runBody(email: "someone@anywhere.dev"), apiKey: Self.newSpace, key: Self.newKey)
        #expect(response.status == .accepted)
        let space = try #require(await app.request(.get, "/__admin/builderio/spaces/\(Self.newSpace)", token: nil).json)
        #expect(space["autoCreated"] == .bool(true))
        #expect(space["privateKeys"] == .array([.string(Self.newKey)]))
        guard case .array(let members)? = space["members"] else { Issue.record("no members"); return }
        #expect(members.compactMap { $0.string("email") }.contains("someone@anywhere.dev"))
        // Any other email is welcome too, and so is nobody (the owner).
        #expect(await app.run(runBody(email: "second@else.where"), apiKey: Self.newSpace, key: Self.newKey).status == .accepted)
        #expect(await app.run(runBody(email: nil), apiKey: Self.newSpace, key: Self.newKey).status == .accepted)
    }

    @Test func lenient_createdSpaceKeepsItsFirstKey() async throws {
        let app = try TestApp()
        #expect(await app.run(runBody(), apiKey: Self.newSpace, key: Self.newKey).status == .accepted)
        let other = await app.run(runBody(), apiKey: Self.newSpace, key: "bpk-another0key")
        #expect(other.status == .forbidden)
        #expect(other.errorMessage == "Invalid private key")
    }

    @Test func lenient_malformedKeyDoesNotCreateASpace() async throws {
        let app = try TestApp()
        let response = await app.run(runBody(), apiKey: Self.newSpace, key: "not-a-bpk-key")
        #expect(response.status == .forbidden)
        #expect(await app.request(.get, "/__admin/builderio/spaces/\(Self.newSpace)", token: nil).status == .notFound)
        #expect(await app.run(runBody(), apiKey: Self.newSpace, key: "bpk-").status == .forbidden)
    }

    @Test func lenient_invalidBodyDoesNotCreateASpace() async throws {
        let app = try TestApp()
        #expect(await app.run(.object([:]), apiKey: Self.newSpace, key: Self.newKey).status == .badRequest)
        #expect(await app.request(.get, "/__admin/builderio/spaces/\(Self.newSpace)", token: nil).status == .notFound)
    }

    @Test func lenient_noUserIdentifier_fallsBackToTheSpaceOwner() async throws {
        let app = try TestApp()
        let response = await app.run(runBody(email: nil))
        #expect(response.status == .accepted)
        let job = try #require(try await app.engine.jobs(namespace: Demo.space, service: "builderio").jobs.first)
        #expect(job.data["userId"] == .string(Demo.ownerID))
    }

    @Test func lenient_declaredSpacesKeepTheirMembers() async throws {
        let app = try TestApp()
        #expect(await app.run(runBody(email: "stranger@nowhere.dev")).status == .notFound)
        #expect(await app.run(runBody(email: Demo.outsider)).status == .forbidden)
    }

    @Test func strict_unknownSpaceIsRefused() async throws {
        let app = try TestApp { $0.strictAuth = true }
        let response = await app.run(runBody(), apiKey: Self.newSpace, key: Self.newKey)
        #expect(response.status == .forbidden)
        #expect(response.errorMessage == "Invalid private key")
    }

    @Test func strict_theWorldExactly() async throws {
        let app = try TestApp { $0.strictAuth = true }
        #expect(await app.run(runBody()).status == .accepted)
        #expect(await app.run(runBody(email: nil, extra: ["userId": .string(Demo.developerID)])).status == .accepted)
        #expect(await app.run(runBody(email: nil)).errorMessage == "No user identifier provided")
        #expect(await app.run(runBody(email: "stranger@nowhere.dev")).status == .notFound)
        #expect(await app.run(runBody(email: Demo.outsider)).status == .forbidden)
        #expect(await app.run(runBody(), key: Demo.otherKey).status == .forbidden)
    }

    @Test func strict_spacesCreatedThroughTheAdminAPIWork() async throws {
        let app = try TestApp { $0.strictAuth = true }
        let created = await app.request(.post, "/__admin/builderio/spaces", token: nil, json: [
            "id": "ci-space", "privateKey": "bpk-ci0key", "members": ["ci@example.com"],
        ])
        #expect(created.status == .created)
        #expect(await app.run(runBody(email: "ci@example.com"), apiKey: "ci-space", key: "bpk-ci0key").status == .accepted)
        #expect(await app.run(runBody(email: "other@example.com"), apiKey: "ci-space", key: "bpk-ci0key").status == .notFound)
    }
}
