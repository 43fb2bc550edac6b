import Engine
import App
import BuildermockTesting
import Foundation
import HTTP
import JSON
import Testing

/// The world: the shipped fixture, runtime creation through `/__admin/builderio`, isolation between
/// spaces, and durability across a restart.
@Suite struct WorldTests {
    @Test func shippedFixture_hasTheDocumentedDemoSpace() async throws {
        let app = try TestApp()
        let space = try #require(await app.request(.get, "/__admin/builderio/spaces/\(Demo.space)", token: nil).json)
        #expect(space["privateKeys"] == .array([.string(Demo.key)]))
        #expect(space.string("ownerId") == Demo.ownerID)
        guard case .array(let members)? = space["members"] else { Issue.record("no members"); return }
        #expect(members.compactMap { $0.string("email") } == ["developer@yourcompany.com", "owner@yourcompany.com"])
        #expect(space[path: "projects.0.id"]?.stringValue == Demo.project)
        let all = try #require(await app.request(.get, "/__admin/builderio/spaces", token: nil).json)
        #expect(all["spaces"]?.arrayCount == 2)
    }

    @Test func adminCreatesSpaceUserMembershipAndProject() async throws {
        let app = try TestApp()
        let space = await app.request(.post, "/__admin/builderio/spaces", token: nil, json: [
            "name": "Test Space", "owner": ["email": "lead@test.dev"],
        ])
        #expect(space.status == .created)
        let json = try #require(space.json)
        let spaceID = try #require(json.string("id"))
        let key = try #require(json[path: "privateKeys.0"]?.stringValue)
        #expect(spaceID.count == 32 && key.hasPrefix("bpk-"))
        #expect(json[path: "members.0.email"]?.stringValue == "lead@test.dev")
        #expect(json[path: "members.0.admin"] == .bool(true))

        let user = await app.request(.post, "/__admin/builderio/users", token: nil, json: [
            "id": "user-42", "email": "dev@test.dev", "name": "Dev",
        ])
        #expect(user.status == .created)
        #expect(await app.run(runBody(email: "dev@test.dev"), apiKey: spaceID, key: key).status == .forbidden)
        let membership = await app.request(.post, "/__admin/builderio/memberships", token: nil, json: [
            "spaceId": .string(spaceID), "userId": "user-42",
        ])
        #expect(membership.status == .created)

        let project = await app.request(.post, "/__admin/builderio/projects", token: nil, json: [
            "spaceId": .string(spaceID), "id": "proj-1", "name": "Checkout",
        ])
        #expect(project.status == .created)
        let run = await app.run(runBody(email: nil, extra: ["userId": "user-42", "projectId": "proj-1"]),
                                apiKey: spaceID, key: key)
        #expect(run.status == .accepted)
        #expect(await app.project("proj-1")?["branches"]?.arrayCount == 1)
        // Lenient fallback in an admin-made space is its owner.
        #expect(await app.run(runBody(email: nil), apiKey: spaceID, key: key).status == .accepted)
    }

    @Test func adminRefusesDuplicatesAndDanglingReferences() async throws {
        let app = try TestApp()
        let duplicate = await app.request(.post, "/__admin/builderio/spaces", token: nil, json: ["id": .string(Demo.space)])
        #expect(duplicate.status == .conflict)
        #expect(duplicate.json?[path: "error.code"]?.stringValue == "conflict")
        let takenKey = await app.request(.post, "/__admin/builderio/spaces", token: nil, json: [
            "id": "s2", "privateKey": .string(Demo.key),
        ])
        #expect(takenKey.status == .conflict)
        let badKey = await app.request(.post, "/__admin/builderio/spaces", token: nil, json: ["privateKey": "nope"])
        #expect(badKey.status == .badRequest)
        let takenEmail = await app.request(.post, "/__admin/builderio/users", token: nil, json: ["email": .string(Demo.developer)])
        #expect(takenEmail.status == .conflict)
        let noSpace = await app.request(.post, "/__admin/builderio/projects", token: nil, json: ["spaceId": "missing"])
        #expect(noSpace.status == .notFound)
        let noUser = await app.request(.post, "/__admin/builderio/memberships", token: nil, json: [
            "spaceId": .string(Demo.space), "userEmail": "ghost@test.dev",
        ])
        #expect(noUser.status == .notFound)
        let notJSON = await app.request(.post, "/__admin/builderio/spaces", headers: [:], body: Array("nope".utf8))
        #expect(notJSON.status == .badRequest)
        #expect(await app.request(.get, "/__admin/builderio/projects/none", token: nil).status == .notFound)
    }

    @Test func spacesAreIsolated() async throws {
        let app = try TestApp()
        let demo = try #require(await app.run(runBody()).json)
        let other = try #require(await app.run(runBody(email: Demo.outsider), apiKey: Demo.otherSpace, key: Demo.otherKey).json)
        let demoProject = try #require(demo.string("projectId"))
        let otherProject = try #require(other.string("projectId"))
        // The same prompt in the two spaces gives unrelated projects.
        #expect(demoProject != otherProject)
        // Neither key reaches the other space's projects, not even to add a branch.
        #expect(await app.run(runBody(extra: ["projectId": .string(otherProject)])).status == .forbidden)
        #expect(await app.run(runBody(email: Demo.outsider, extra: ["projectId": .string(demoProject)]),
                              apiKey: Demo.otherSpace, key: Demo.otherKey).status == .forbidden)
        // Each space's branches are jobs in its own namespace.
        let demoJobs = try await app.engine.jobs(namespace: Demo.space, service: "builderio")
        let otherJobs = try await app.engine.jobs(namespace: Demo.otherSpace, service: "builderio")
        #expect(demoJobs.total == 1 && otherJobs.total == 1)
        #expect(demoJobs.jobs[0].data["projectId"] == .string(demoProject))
        // Each space lists only its own projects.
        let space = try #require(await app.request(.get, "/__admin/builderio/spaces/\(Demo.otherSpace)", token: nil).json)
        guard case .array(let projects)? = space["projects"] else { Issue.record("no projects"); return }
        #expect(Set(projects.compactMap { $0.string("id") }) == [Demo.otherProject, otherProject])
    }

    @Test func runtimeWorld_survivesARestartOnTheSameDatabase() async throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("builderio-world-\(UInt64.random(in: 0...UInt64.max)).sqlite").path
        defer {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        }
        var projectID = ""
        var branchName = ""
        do {
            let app = try TestApp { $0.databasePath = path }
            #expect(await app.request(.post, "/__admin/builderio/spaces", token: nil, json: [
                "id": "durable-space", "privateKey": "bpk-durable0key", "members": ["member@durable.dev"],
            ]).status == .created)
            // A lenient space made on first use, with a user made from its email.
            #expect(await app.run(runBody(email: "first@lenient.dev"), apiKey: "lenient-space", key: "bpk-lenient0key").status == .accepted)
            let run = try #require(await app.run(runBody(email: "member@durable.dev"), apiKey: "durable-space",
                                                 key: "bpk-durable0key").json)
            projectID = try #require(run.string("projectId"))
            branchName = try #require(run.string("branchName"))
            try await app.advance("30s", namespace: "durable-space")
            await app.application.shutdown()
        }
        let app = try TestApp {
            $0.databasePath = path
            $0.strictAuth = true  // strict: only what the world holds, so nothing is recreated on the fly
        }
        let space = try #require(await app.request(.get, "/__admin/builderio/spaces/durable-space", token: nil).json)
        #expect(space["privateKeys"] == .array(["bpk-durable0key"]))
        #expect(await app.run(runBody(email: "member@durable.dev", extra: ["projectId": .string(projectID)]),
                              apiKey: "durable-space", key: "bpk-durable0key").status == .accepted)
        #expect(await app.run(runBody(email: "first@lenient.dev"), apiKey: "lenient-space",
                              key: "bpk-lenient0key").status == .accepted)
        let project = try #require(await app.project(projectID))
        #expect(project[path: "branches.0.name"]?.stringValue == branchName)
        #expect(project[path: "branches.0.step"]?.stringValue == "editing")
        #expect(project["branches"]?.arrayCount == 2)
        try await app.advance("2m", namespace: "durable-space")
        #expect(await app.project(projectID)?[path: "branches.0.state"]?.stringValue == "completed")
        await app.application.shutdown()
    }
}
